namespace TdktBot.Store;

/// <summary>The store cannot be used as configured; the message, in Vietnamese, names the setting to fix and never shows a password.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
