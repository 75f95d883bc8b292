using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TdktBot.Board;
using TdktBot.Messaging;
using TdktBot.Invites;
using TdktBot.Outbox;

namespace TdktBot.Conversations;

public static class ConversationSetup
{
    /// <summary>The conversation engine every channel hands messages to, with invite settings and the office's first code.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(InviteOptions.Section).Get<InviteOptions>() ?? new InviteOptions());
        services.AddSingleton<OfficeBootstrap>();
        services.TryAddSingleton<DeliverySignal>();
        services.AddSingleton<StoreSnapshots>();
        services.AddSingleton<Turns>();
        services.AddSingleton<Submissions>();
        services.AddSingleton<PlanQuestions>();
        services.AddSingleton<AskedLately>();
        services.AddSingleton<OfficeReview>();
        services.AddSingleton<Broadcasting>();
        services.AddSingleton<Membership>();
        services.AddSingleton<Reporting>();
        services.AddBoardPasses(configuration);
        services.AddSingleton<BoardAccess>();
        services.AddSingleton<Archive.FileArchive>();
        services.AddSingleton<IConversation, ConversationEngine>();
        return services;
    }
}
