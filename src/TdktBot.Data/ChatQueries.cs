using TdktBot.Data.Entities;

namespace TdktBot.Data;

public static class ChatQueries
{
    /// <summary>
    /// The chats the office follows the plan from, for its notices and reports: the office unit's chats, and the private
    /// chats of the people who hold the office role (a private chat's address is its person's id). Who may act as the
    /// office is the access policy's concern, not this.
    /// </summary>
    public static IQueryable<Chat> OfficeChats(this TdktDbContext db) =>
        db.Chats.Where(c => c.Active && ((c.Unit != null && c.Unit.IsOffice)
            || db.Members.Any(m => m.Role == ChatRole.Office && m.Channel == c.Channel && m.PersonId == c.Address)));
}
