using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Access;
using TdktBot.Data;
using TdktBot.Obligations;

namespace TdktBot.Tests.Worker;

internal static class Confirmations
{
    /// <summary>The unit says it has submitted <paramref name="number"/>, through the service the chat uses.</summary>
    public static async Task ConfirmAsync(this BotUnderTest bot, string unit, string number)
    {
        await using var db = await bot.Get<IDbContextFactory<TdktDbContext>>().CreateDbContextAsync();
        var o = await db.Obligations.SingleAsync(x => x.Unit.Name == unit && x.Target.Number == number);
        var service = new ObligationService(db, bot.Get<TimeProvider>(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        var change = await service.ConfirmAsync(o.Id, new Actor(unit, o.UnitId, Role.Head));
        Assert.True(change.Done, change.Message);
    }
}
