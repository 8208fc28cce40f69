using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meetup.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RsvpManageTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RsvpManageTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RsvpId = table.Column<int>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RsvpManageTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RsvpManageTokens_Rsvps_RsvpId",
                        column: x => x.RsvpId,
                        principalTable: "Rsvps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RsvpManageTokens_Hash",
                table: "RsvpManageTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RsvpManageTokens_RsvpId",
                table: "RsvpManageTokens",
                column: "RsvpId");

            // The links people hold keep working: each RSVP's hash becomes its first row.
            migrationBuilder.Sql(
                "INSERT INTO \"RsvpManageTokens\" (\"RsvpId\", \"Hash\", \"CreatedAt\") "
                + "SELECT \"Id\", \"ManageTokenHash\", \"UpdatedAt\" FROM \"Rsvps\" WHERE \"ManageTokenHash\" IS NOT NULL;");

            migrationBuilder.DropIndex(
                name: "IX_Rsvps_ManageTokenHash",
                table: "Rsvps");

            // SQLite (≥ 3.35) drops an unindexed column in place; EF's DropColumn would rebuild the table outside the transaction.
            migrationBuilder.Sql("ALTER TABLE \"Rsvps\" DROP COLUMN \"ManageTokenHash\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ManageTokenHash",
                table: "Rsvps",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rsvps_ManageTokenHash",
                table: "Rsvps",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.Sql(
                "UPDATE \"Rsvps\" SET \"ManageTokenHash\" = (SELECT t.\"Hash\" FROM \"RsvpManageTokens\" t "
                + "WHERE t.\"RsvpId\" = \"Rsvps\".\"Id\" ORDER BY t.\"Id\" DESC LIMIT 1);");

            migrationBuilder.DropTable(
                name: "RsvpManageTokens");
        }
    }
}
