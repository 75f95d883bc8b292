using System.Text.RegularExpressions;
using TdktBot.Cli;
using YamlDotNet.RepresentationModel;
using TdktBot.Store;

namespace TdktBot.Tests.Deploy;

/// <summary>
/// The files in deploy/ stay in step with the app (project path, assembly, data folder setting, .NET
/// version) and never carry a secret. Nothing here can run systemd or Docker; it reads the files.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Root = FindRoot();
    private static readonly string DataFolderVariable = $"{StoreOptions.Section}__{nameof(StoreOptions.Folder)}";
    private static readonly string Assembly = typeof(CliApp).Assembly.GetName().Name + ".dll";

    [Fact]
    public void The_dockerfile_publishes_the_host_project_on_the_apps_dotnet_version_and_runs_its_assembly()
    {
        var dockerfile = Read("deploy/Dockerfile");
        var version = $"{Environment.Version.Major}.0";

        Assert.Matches(@"(?m)^RUN dotnet publish src/TdktBot/TdktBot\.csproj\b", dockerfile);
        Assert.True(File.Exists(Path.Combine(Root, "src/TdktBot/TdktBot.csproj")));
        Assert.Matches($@"(?m)^FROM mcr\.microsoft\.com/dotnet/sdk:{Regex.Escape(version)} AS build$", dockerfile);
        Assert.Matches($@"(?m)^FROM mcr\.microsoft\.com/dotnet/(aspnet|runtime):{Regex.Escape(version)}$", dockerfile);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{Assembly}\"]", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Everything_the_dockerfile_copies_from_the_repository_exists()
    {
        var copies = CopyLine().Matches(Read("deploy/Dockerfile"));

        Assert.NotEmpty(copies);
        foreach (Match copy in copies)
        {
            var parts = copy.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(parts[..^1], source => Assert.True(Path.Exists(Path.Combine(Root, source)), $"COPY {source}: not in the repository"));
        }
    }

    [Fact]
    public void The_image_keeps_its_data_in_the_volume_and_runs_as_a_non_root_user()
    {
        var dockerfile = Read("deploy/Dockerfile");

        Assert.Matches($@"(?m)^ENV {DataFolderVariable}=/data$", dockerfile);
        Assert.Matches(@"(?m)^VOLUME /data$", dockerfile);
        var user = Assert.Single(UserLine().Matches(dockerfile)).Groups["user"].Value;
        Assert.DoesNotMatch("^(root|0)$", user);
    }

    [Fact]
    public void The_service_sets_the_data_folder_it_may_write_and_reads_the_token_from_an_environment_file()
    {
        var unit = Read("deploy/tdktbot.service");
        var settings = Settings(unit);

        Assert.Equal("/etc/tdktbot/tdktbot.env", settings["EnvironmentFile"].Single());
        var folder = settings["Environment"].Select(e => e.Split('=', 2)).Single(kv => kv[0] == DataFolderVariable)[1];
        Assert.Equal("/var/lib/" + settings["StateDirectory"].Single(), folder);
        Assert.Contains(folder, settings["ReadWritePaths"].Single().Split(' '));
        Assert.Equal("strict", settings["ProtectSystem"].Single());
        Assert.Equal("on-failure", settings["Restart"].Single());
        Assert.True(settings.ContainsKey("DynamicUser") || settings.TryGetValue("User", out var users) && users.Single() != "root");

        var start = settings["ExecStart"].Single().Split(' ');
        var dll = start.Single(part => part.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Equal(Assembly, Path.GetFileName(dll));
        Assert.Equal(settings["WorkingDirectory"].Single(), Path.GetDirectoryName(dll));
        Assert.Contains("Telegram__BotToken=", Read("deploy/tdktbot.env.example"), StringComparison.Ordinal);
        Assert.Contains("Zalo__BotToken=", Read("deploy/tdktbot.env.example"), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_on_SQLite_builds_the_dockerfile_with_a_named_volume_for_the_data_and_an_env_file()
    {
        var root = Compose("deploy/compose.sqlite.yaml");
        var service = (YamlMappingNode)Assert.Single(Services(root)).Value;

        var build = (YamlMappingNode)service["build"];
        Assert.Equal("deploy/Dockerfile", build["dockerfile"].ToString());
        Assert.Equal("tdktbot.env", service["env_file"].ToString());
        AssertDataVolume(root, service);
    }

    [Fact]
    public void Compose_on_PostgreSQL_runs_two_instances_of_one_image_on_one_healthy_database()
    {
        var root = Compose("deploy/compose.yaml");
        var services = Services(root).ToDictionary(s => s.Key.ToString(), s => (YamlMappingNode)s.Value);

        Assert.Equal(["postgres", "tdktbot-1", "tdktbot-2"], services.Keys.Order(StringComparer.Ordinal));
        var postgres = services["postgres"];
        Assert.StartsWith("postgres:", postgres["image"].ToString(), StringComparison.Ordinal);
        Assert.Equal("postgres.env", postgres["env_file"].ToString());
        Assert.Contains("pg_isready", ((YamlSequenceNode)((YamlMappingNode)postgres["healthcheck"])["test"]).ToString(), StringComparison.Ordinal);
        Assert.Contains("tcp_keepalives_idle=10", ((YamlSequenceNode)postgres["command"]).Children.Select(c => c.ToString()));

        var bots = new[] { services["tdktbot-1"], services["tdktbot-2"] };
        Assert.Equal("deploy/Dockerfile", ((YamlMappingNode)bots[0]["build"])["dockerfile"].ToString());
        Assert.All(bots, bot =>
        {
            Assert.Equal(bots[0]["image"].ToString(), bot["image"].ToString());
            Assert.Equal(["tdktbot.env", "postgres.env"], ((YamlSequenceNode)bot["env_file"]).Children.Select(c => c.ToString()));
            Assert.Equal("service_healthy", ((YamlMappingNode)((YamlMappingNode)bot["depends_on"])["postgres"])["condition"].ToString());
            var environment = EnvironmentOf(bot);
            Assert.Equal(nameof(TdktBot.Data.StoreProvider.Postgres), environment["Store__Provider"]);
            AssertDataVolume(root, bot);
        });

        // Each instance has its own name in the logs and /healthz.
        Assert.Equal(["tdktbot-1", "tdktbot-2"], bots.Select(b => EnvironmentOf(b)["Instance__Id"]));

        // The connection string comes from the git-ignored file, with keepalives, and both sides know the one password.
        var example = Read("deploy/postgres.env.example");
        Assert.Matches(@"(?m)^POSTGRES_PASSWORD=$", example);
        var connection = Assert.Single(ConnectionLine().Matches(example)).Groups["value"].Value;
        var parts = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        Assert.Equal(("postgres", "tdkt", "tdkt", string.Empty, true), (parts.Host, parts.Database, parts.Username, parts.Password ?? string.Empty, parts.TcpKeepAlive));
        Assert.True(parts.KeepAlive > 0);
        Assert.Contains("deploy/postgres.env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    [Fact]
    public void Every_setting_the_deploy_files_give_is_a_documented_setting()
    {
        var documented = Documented();
        var given = new List<string>();
        foreach (var file in new[] { "deploy/compose.yaml", "deploy/compose.sqlite.yaml" })
        {
            given.AddRange(Services(Compose(file)).Select(s => (YamlMappingNode)s.Value)
                .Where(s => s["image"].ToString().StartsWith("tdktbot:", StringComparison.Ordinal) && s.Children.ContainsKey("environment"))
                .SelectMany(s => EnvironmentOf(s).Keys));
        }

        foreach (var file in new[] { "deploy/tdktbot.env.example", "deploy/postgres.env.example" })
        {
            given.AddRange(Read(file).Split('\n').Select(l => l.TrimStart('#').Trim()).Where(l => SettingLine().IsMatch(l))
                .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).Where(k => k.Contains("__", StringComparison.Ordinal)));
        }

        Assert.Contains("ConnectionStrings__Tdkt", given);
        Assert.All(given, key => Assert.True(documented.Contains(key.Replace("__", ":", StringComparison.Ordinal)), $"{key} is not in appsettings.example.json"));
    }

    private static YamlMappingNode Compose(string path)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Read(path)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Services(YamlMappingNode root) => ((YamlMappingNode)root["services"]).Children;

    private static Dictionary<string, string> EnvironmentOf(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());

    private static void AssertDataVolume(YamlMappingNode root, YamlMappingNode service)
    {
        var volume = ((YamlSequenceNode)service["volumes"]).Children.Select(v => v.ToString().Split(':')).Single();
        Assert.Equal("/data", volume[1]);
        Assert.Contains(volume[0], ((YamlMappingNode)root["volumes"]).Children.Keys.Select(k => k.ToString()));
    }

    /// <summary>Every setting appsettings.example.json names, as "Section:Key".</summary>
    private static HashSet<string> Documented()
    {
        var documented = new HashSet<string>(StringComparer.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(Read("appsettings.example.json"));
        void Walk(System.Text.Json.JsonElement element, string prefix)
        {
            if (element.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                documented.Add(prefix);
                return;
            }

            foreach (var property in element.EnumerateObject().Where(p => !p.Name.StartsWith("//", StringComparison.Ordinal)))
            {
                Walk(property.Value, prefix.Length == 0 ? property.Name : prefix + ":" + property.Name);
            }
        }

        Walk(json.RootElement, string.Empty);
        return documented;
    }

    [Fact]
    public void No_deploy_file_holds_a_token()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "deploy"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "tdktbot.env")
            .ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(TelegramToken(), text);
            foreach (Match assignment in TokenAssignment().Matches(text))
            {
                Assert.True(assignment.Groups["value"].Value is "" or "...", $"{Path.GetFileName(file)}: {assignment.Value}");
            }
        }
    }

    [Fact]
    public void The_env_file_with_the_real_token_is_never_committed()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root, ".gitignore"));

        Assert.Contains("deploy/tdktbot.env", ignored);
        Assert.Contains("deploy/tdktbot.env", File.ReadAllLines(Path.Combine(Root, "deploy/Dockerfile.dockerignore")));
    }

    // What @BotFather hands out: the bot's number, a colon, 35 characters.
    [GeneratedRegex(@"\d{6,12}:[A-Za-z0-9_-]{30,}")]
    private static partial Regex TelegramToken();

    [GeneratedRegex(@"BotToken[""']?[ \t]*[=:][ \t]*[""']?(?<value>[^\s""']*)")]
    private static partial Regex TokenAssignment();

    [GeneratedRegex(@"(?m)^ConnectionStrings__Tdkt=(?<value>.+)$")]
    private static partial Regex ConnectionLine();

    [GeneratedRegex(@"^[A-Za-z]+(__[A-Za-z]+)+=")]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"(?m)^COPY (?!--from)(?<args>.+)$")]
    private static partial Regex CopyLine();

    [GeneratedRegex(@"(?m)^USER (?<user>\S+)$")]
    private static partial Regex UserLine();

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    /// <summary>A unit file's settings, each key with every value it is given, comments and sections aside.</summary>
    private static Dictionary<string, List<string>> Settings(string unit)
    {
        var settings = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in unit.Split('\n').Select(l => l.Trim()))
        {
            if (line.Length == 0 || line[0] is '#' or ';' or '[')
            {
                continue;
            }

            var (key, value) = (line[..line.IndexOf('=', StringComparison.Ordinal)], line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            if (!settings.TryGetValue(key, out var values))
            {
                settings[key] = values = [];
            }

            values.Add(value);
        }

        return settings;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TdktBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TdktBot.sln above {AppContext.BaseDirectory}.");
    }
}
