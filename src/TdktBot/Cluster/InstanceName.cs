namespace TdktBot.Cluster;

/// <summary>This process's name among the instances sharing a store: the machine and the process id.</summary>
public static class InstanceName
{
    public static string Default { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
