using Microsoft.Data.Sqlite;

namespace TdktBot.Data;

/// <summary>
/// Keeps the bot's state to the account it runs as, whatever the umask: the data folder it creates is 0700 and each
/// SQLite database 0600. Windows has no such modes; there the folder's own access rules apply.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Prepares the file behind <paramref name="connectionString"/> before SQLite opens it: its folder is created private,
    /// and the file is created empty (a valid new database) or narrowed to 0600. SQLite gives its -wal, -shm and -journal
    /// files the database's own mode, so they stay private too. In-memory databases are left alone.
    /// </summary>
    public static void PrepareDatabase(string connectionString)
    {
        var settings = new SqliteConnectionStringBuilder(connectionString);
        var file = settings.DataSource;
        if (settings.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(file) || file == ":memory:"
            || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var path = Path.GetFullPath(file);
        CreateFolder(Path.GetDirectoryName(path)!);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // A folder where the file should be is left for SQLite to refuse with its own error.
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            using (File.Open(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFile }))
            {
            }
        }

        // A store made by an earlier version, or copied in, may be readable by others; so may what SQLite left beside it.
        foreach (var own in new[] { path, path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
        {
            File.SetUnixFileMode(own, OwnerFile);
        }
    }

    /// <summary>Creates <paramref name="path"/> 0700 if it is missing; a folder that exists keeps its mode (it may be shared on purpose).</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (Directory.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(path, OwnerFolder);

        // mkdir takes the umask off the mode; set it again so it is exactly the owner's.
        File.SetUnixFileMode(path, OwnerFolder);
    }
}
