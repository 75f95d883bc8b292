using System.Text;
using Microsoft.Extensions.Configuration;
using TdktBot.Cli;
using TdktBot.Plans;

Console.OutputEncoding = Encoding.UTF8;

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .Build();
var planOptions = configuration.GetSection(PlanOptions.Section).Get<PlanOptions>() ?? new PlanOptions();

var cli = new CliApp(planOptions, Console.Out, Console.Error);
return cli.Run(args.Length == 0 ? ["help"] : args);
