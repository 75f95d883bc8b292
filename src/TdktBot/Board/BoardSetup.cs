using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TdktBot.Board;

public static class BoardSetup
{
    /// <summary>
    /// The board's sign-in passes (always: chat answers "/bang" whether or not this instance serves the board) and, when
    /// Web:Listen is set, its web server. Settings are checked when the host starts.
    /// </summary>
    public static IServiceCollection AddBoard(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BoardOptions.Section);
        services.AddBoardPasses(configuration);
        services.AddSingleton<IValidateOptions<BoardOptions>>(new BoardOptionsValidation());
        services.AddOptions<BoardOptions>().ValidateOnStart();
        if ((section.Get<BoardOptions>() ?? new BoardOptions()).Enabled)
        {
            services.AddSingleton<BoardServer>();
            services.AddHostedService(sp => sp.GetRequiredService<BoardServer>());
        }

        return services;
    }

    /// <summary>What chat needs to answer "/bang": the settings, the passes, and the board's address once it serves.</summary>
    public static IServiceCollection AddBoardPasses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BoardOptions>().Bind(configuration.GetSection(BoardOptions.Section));
        services.TryAddSingleton<BoardPasses>();
        services.TryAddSingleton<BoardAddress>();
        return services;
    }

    private sealed class BoardOptionsValidation : IValidateOptions<BoardOptions>
    {
        public ValidateOptionsResult Validate(string? name, BoardOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
