using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TdktBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "Deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReceivedUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedUpdates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedUpdates_At",
                table: "ReceivedUpdates",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedUpdates_Channel_Key",
                table: "ReceivedUpdates",
                columns: new[] { "Channel", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceivedUpdates");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "Deliveries");
        }
    }
}
