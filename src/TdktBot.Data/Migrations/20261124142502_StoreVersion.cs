using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TdktBot.Data.Migrations
{
    /// <summary>
    /// A number that every change to what the conversation reads (units, plans, targets, obligations, chats) moves on,
    /// whoever makes it (the bot, a CLI command, another process): triggers bump it in the writer's own transaction, so
    /// a reader that sees the number unchanged knows its copy of those tables is still true. See StoreVersion.
    /// </summary>
    public partial class StoreVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "StoreVersion" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Value" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "StoreVersion" ("Id", "Value") VALUES (1, 0);""");
            foreach (var table in Data.StoreVersion.WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql(Data.StoreVersion.TriggerSql(table, change));
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Data.StoreVersion.WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{Data.StoreVersion.TriggerName(table, change)}";""");
                }
            }

            migrationBuilder.Sql("""DROP TABLE "StoreVersion";""");
        }
    }
}
