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
        // As they were when this migration was written; StoreVersionInModel drops them.
        internal static readonly string[] WatchedTables = ["Units", "Plans", "Targets", "Obligations", "Chats"];

        internal static string TriggerName(string table, string change) => $"StoreVersion_{table}_{change}";

        internal static string TriggerSql(string table, string change) =>
            $"""CREATE TRIGGER "{TriggerName(table, change)}" AFTER {change} ON "{table}" BEGIN UPDATE "StoreVersion" SET "Value" = "Value" + 1 WHERE "Id" = 1; END;""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "StoreVersion" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Value" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "StoreVersion" ("Id", "Value") VALUES (1, 0);""");
            foreach (var table in WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql(TriggerSql(table, change));
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{TriggerName(table, change)}";""");
                }
            }

            migrationBuilder.Sql("""DROP TABLE "StoreVersion";""");
        }
    }
}
