using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TdktBot.Data.Migrations
{
    /// <summary>
    /// One row saying what the plan files last imported into the store were (a fingerprint) and which plan years they
    /// held, so a restart on unchanged files did not import them again. Dropped by StoreVersionInModel.
    /// </summary>
    public partial class PlanImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""CREATE TABLE "PlanImport" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Fingerprint" TEXT NOT NULL, "Years" TEXT NOT NULL, "At" INTEGER NOT NULL);""");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""DROP TABLE "PlanImport";""");
    }
}
