using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TdktBot.Invites;

public static class InviteSetup
{
    /// <summary>Invite settings and the office's first code.</summary>
    public static IServiceCollection AddInvites(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(InviteOptions.Section).Get<InviteOptions>() ?? new InviteOptions());
        services.AddSingleton<OfficeBootstrap>();
        return services;
    }
}
