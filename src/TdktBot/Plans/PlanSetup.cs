using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TdktBot.Plans;

public static class PlanSetup
{
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlanOptions>().Bind(configuration.GetSection(PlanOptions.Section));
        services.AddSingleton<PlanStore>();
        return services;
    }
}
