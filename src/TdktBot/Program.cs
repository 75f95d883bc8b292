using System.Text;
using Microsoft.Extensions.Configuration;
using TdktBot.Cli;
using TdktBot.Hosting;

Console.OutputEncoding = Encoding.UTF8;

var configuration = new ConfigurationBuilder().AddTdktConfiguration().Build();
return await new CliApp(configuration, Console.Out, Console.Error).RunAsync(args);
