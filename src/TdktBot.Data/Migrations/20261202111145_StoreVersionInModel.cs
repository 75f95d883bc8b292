using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TdktBot.Data.Migrations
{
    /// <summary>
    /// The store's version moves in the application (TdktDbContext, in the writer's transaction) instead of SQLite
    /// triggers, so it works the same on every provider: the triggers go, the table becomes part of the EF model, and the
    /// plan import mark (PlanImport) goes, since every start imports the plan files again.
    /// </summary>
    public partial class StoreVersionInModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in StoreVersion.WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{StoreVersion.TriggerName(table, change)}";""");
                }
            }

            migrationBuilder.Sql("""DROP TABLE IF EXISTS "PlanImport";""");
            migrationBuilder.Sql("""DROP TABLE "StoreVersion";""");
            migrationBuilder.CreateTable(
                name: "StoreVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoreVersion", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "StoreVersion",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoreVersion");
            migrationBuilder.Sql("""CREATE TABLE "StoreVersion" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Value" INTEGER NOT NULL);""");
            migrationBuilder.Sql("""INSERT INTO "StoreVersion" ("Id", "Value") VALUES (1, 0);""");
            foreach (var table in StoreVersion.WatchedTables)
            {
                foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql(StoreVersion.TriggerSql(table, change));
                }
            }

            migrationBuilder.Sql("""CREATE TABLE "PlanImport" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Fingerprint" TEXT NOT NULL, "Years" TEXT NOT NULL, "At" INTEGER NOT NULL);""");
        }
    }
}
