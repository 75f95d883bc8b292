using TdktBot.Data.Entities;

namespace TdktBot.Data;

public static class ChatQueries
{
    /// <summary>The chats the office follows the plan from: linked with the office role, or belonging to the office unit.</summary>
    public static IQueryable<Chat> OfficeChats(this TdktDbContext db) =>
        db.Chats.Where(c => c.Active && (c.Role == ChatRole.Office || (c.Unit != null && c.Unit.IsOffice)));
}
