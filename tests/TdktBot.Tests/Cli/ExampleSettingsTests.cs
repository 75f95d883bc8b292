using System.Reflection;
using Microsoft.Extensions.Configuration;
using TdktBot.Broadcasts;
using TdktBot.Outbox;
using TdktBot.Plans;
using TdktBot.Reminders;
using TdktBot.Messaging.Zalo;
using TdktBot.Store;

namespace TdktBot.Tests.Cli;

/// <summary>appsettings.example.json documents every setting, and copying it whole gives a working bot.</summary>
public sealed class ExampleSettingsTests
{
    private static readonly IConfiguration Example = new ConfigurationBuilder()
        .AddJsonFile(CliRun.Fixture("appsettings.example.json"), optional: false)
        .Build();

    [Theory]
    [InlineData(typeof(PlanOptions), PlanOptions.Section)]
    [InlineData(typeof(StoreOptions), StoreOptions.Section)]
    [InlineData(typeof(ReminderOptions), ReminderOptions.Section)]
    [InlineData(typeof(DeliveryOptions), DeliveryOptions.Section)]
    [InlineData(typeof(TdktBot.Invites.InviteOptions), TdktBot.Invites.InviteOptions.Section)]
    [InlineData(typeof(BroadcastMonitorOptions), BroadcastMonitorOptions.Section)]
    [InlineData(typeof(ZaloOptions), ZaloOptions.Section)]
    [InlineData(typeof(TdktBot.Cluster.LeadOptions), TdktBot.Cluster.LeadOptions.Section)]
    [InlineData(typeof(TdktBot.Operations.HealthOptions), TdktBot.Operations.HealthOptions.Section)]
    [InlineData(typeof(TdktBot.Operations.InstanceOptions), TdktBot.Operations.InstanceOptions.Section)]
    public void Every_setting_of_an_options_class_is_in_the_example(Type options, string section)
    {
        var documented = Example.GetSection(section).GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settable = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name)
            .Where(name => !(options == typeof(StoreOptions) && name is "Tdkt" or "Quartz" or "Provider"));

        Assert.All(settable, name => Assert.Contains(name, documented));
    }

    [Fact]
    public void The_connection_strings_the_store_provider_and_the_calendar_are_documented()
    {
        Assert.NotNull(Example.GetSection("ConnectionStrings:Tdkt").Value);
        Assert.NotNull(Example.GetSection("ConnectionStrings:Quartz").Value);
        Assert.Equal("Sqlite", Example[StoreOptions.ProviderKey]);
        Assert.NotEmpty(Example.GetSection("Calendar:Years").GetChildren());
    }

    [Fact]
    public void The_example_settings_as_they_stand_are_valid()
    {
        var settings = Example.AsEnumerable().Where(kv => kv.Value is not null && !kv.Key.StartsWith("Data:", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);

        var run = CliRun.With(settings, "reminders", "preview", "--from", "2026-01-01", "--to", "2026-01-31");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Thứ Sáu, 23/01/2026", run.Output, StringComparison.Ordinal);
    }
}
