using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TdktBot.Data.Migrations
{
    /// <inheritdoc />
    public partial class GroupChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsGroup",
                table: "Chats",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Telegram gives groups and channels negative ids and people positive ones, so the chats linked
            // before this column existed get the group limit right away.
            migrationBuilder.Sql("UPDATE Chats SET IsGroup = 1 WHERE Channel = 'telegram' AND Address LIKE '-%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsGroup",
                table: "Chats");
        }
    }
}
