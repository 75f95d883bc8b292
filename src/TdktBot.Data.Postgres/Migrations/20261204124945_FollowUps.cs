using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TdktBot.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Asked",
                table: "Chats",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AskedAt",
                table: "Chats",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Asked",
                table: "Chats");

            migrationBuilder.DropColumn(
                name: "AskedAt",
                table: "Chats");
        }
    }
}
