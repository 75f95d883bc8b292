using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace TdktBot.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the tests, started from the installed binaries: <c>initdb</c> in a temporary folder,
/// a free port on 127.0.0.1, password logins (so connection strings carry a password, as in production), durability off
/// for speed. As root it runs as the <c>postgres</c> user, since PostgreSQL refuses root. One per test collection, an
/// empty database per test (<see cref="CreateDatabase"/>); stopped at once and deleted on dispose, or when the test
/// process exits without disposing it.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>The xunit collection whose fixture this is; each test assembly declares it once.</summary>
    public const string Collection = "PostgreSQL";

    /// <summary>How to get the binaries, told whenever they are missing.</summary>
    public const string Install = "apt-get update && apt-get install -y postgresql";

    private const string User = "postgres";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tdkt-pg-" + Guid.NewGuid().ToString("N"));
    private readonly bool _asPostgres = Environment.UserName == "root";
    private int _stopped;

    public PostgresCluster()
        : this(Binaries("/usr/lib/postgresql", Environment.GetEnvironmentVariable("PATH")))
    {
    }

    private PostgresCluster(string bin)
    {
        _bin = bin;
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        Directory.CreateDirectory(_folder);
        try
        {
            InitDb();
            Port = Start();
        }
        catch
        {
            Dispose();
            throw;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    public int Port { get; }

    /// <summary>The superuser's password, generated for this cluster.</summary>
    public string Password { get; }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>The connection string of database <paramref name="name"/> on this cluster, with the password.</summary>
    public string ConnectionString(string name) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Password = Password, Database = name }.ConnectionString;

    /// <summary>A new empty database; returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "tdkt_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing whatever is still connected to it.</summary>
    public void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            Run("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// The folder holding <c>initdb</c> and <c>pg_ctl</c>: Debian's newest versioned folder under <paramref name="root"/>,
    /// else one on <paramref name="path"/>. Missing binaries are an error that says how to install them: the store's tests
    /// must run on PostgreSQL, never be skipped.
    /// </summary>
    public static string Binaries(string root, string? path)
    {
        var versioned = (Directory.Exists(root) ? Directory.GetDirectories(root) : []).Select(d => Path.Combine(d, "bin"))
            .Where(HasServer).OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0);
        return versioned.Concat((path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Where(HasServer)).FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"PostgreSQL's server programs (initdb, pg_ctl) are neither in {root}/<version>/bin nor on PATH. The store's tests run on "
                + $"SQLite and on a throwaway PostgreSQL started from them: install PostgreSQL with `{Install}` (as root), then run the tests again.");

        static bool HasServer(string folder) => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));
    }

    private void InitDb()
    {
        var passwordFile = Path.Combine(_folder, "password");
        File.WriteAllText(passwordFile, Password);
        if (_asPostgres)
        {
            Run("/bin/chown", runAsPostgres: false, "-R", User, _folder);
        }

        Run("initdb", "-D", Data, "-U", User, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        File.Delete(passwordFile);
    }

    private int Start()
    {
        // A port found free may be taken before the server binds it; another is tried then.
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var options = $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                + "-c full_page_writes=off -c max_connections=200";
            try
            {
                Run("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "60", "start");
                return port;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Taken between the check and the bind: try another.
            }
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Run(string program, params string[] args) => Run(Path.Combine(_bin, program), runAsPostgres: _asPostgres, args);

    private void Run(string program, bool runAsPostgres, params string[] args)
    {
        var start = new ProcessStartInfo(runAsPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        if (runAsPostgres)
        {
            foreach (var arg in new[] { "-u", User, "--", program })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Patience))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error.Result}"
                + (File.Exists(log) ? "\n" + File.ReadAllText(log) : string.Empty));
        }
    }
}
