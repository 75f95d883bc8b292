namespace TdktBot.Data;

/// <summary>The database behind the store (<c>Store:Provider</c>); each has its own migrations, of one and the same model.</summary>
public enum StoreProvider
{
    /// <summary>One file beside the bot, the embedded default; migrations in this assembly.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several instances or many communes; migrations in TdktBot.Data.Postgres.</summary>
    Postgres,
}
