using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TdktBot.Data.Migrations
{
    /// <summary>
    /// Roles move from chats to people (Members: channel, person id, unit, role), and audit rows keep the person's
    /// messenger id. A private chat's role becomes the role of the person behind it: on Telegram and Zalo a private
    /// chat's id is its person's id, and the console is one person, its chat. A group keeps its unit, but nobody knows
    /// who in it redeemed the invite, so its role goes: everyone there acts as staff until the head or the office
    /// redeems a new invite in the group or privately. Telegram groups linked before chats were marked as groups are
    /// known by their negative id.
    /// </summary>
    public partial class PersonRoles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActorId",
                table: "Audit",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    UnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    InviteId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Members_Channel_PersonId_UnitId",
                table: "Members",
                columns: new[] { "Channel", "PersonId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_UnitId",
                table: "Members",
                column: "UnitId");

            migrationBuilder.Sql("""
                INSERT INTO "Members" ("Channel", "PersonId", "UnitId", "Role", "DisplayName", "InviteId", "CreatedAt")
                SELECT c."Channel", c."Address", c."UnitId", c."Role", c."DisplayName",
                       (SELECT MAX(i."Id") FROM "Invites" i WHERE i."UsedByChatId" = c."Id" AND i."UnitId" = c."UnitId"), c."CreatedAt"
                FROM "Chats" c
                WHERE c."UnitId" IS NOT NULL AND NOT c."IsGroup" AND NOT (c."Channel" = 'telegram' AND c."Address" LIKE '-%');
                """);

            // Dropped in place (SQLite 3.35+). EF's DropColumn would rebuild Chats, and only after every other operation
            // here, the copy above included, which it warns about at each migration.
            migrationBuilder.Sql("""ALTER TABLE "Chats" DROP COLUMN "Role";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "Chats",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Staff");

            // A private chat takes back its person's role; a group's people were staff there.
            migrationBuilder.Sql("""
                UPDATE "Chats" SET "Role" = (SELECT m."Role" FROM "Members" m
                    WHERE m."Channel" = "Chats"."Channel" AND m."PersonId" = "Chats"."Address" AND m."UnitId" = "Chats"."UnitId")
                WHERE EXISTS (SELECT 1 FROM "Members" m
                    WHERE m."Channel" = "Chats"."Channel" AND m."PersonId" = "Chats"."Address" AND m."UnitId" = "Chats"."UnitId");
                """);

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropColumn(
                name: "ActorId",
                table: "Audit");
        }
    }
}
