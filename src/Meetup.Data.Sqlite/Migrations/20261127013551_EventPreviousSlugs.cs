using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meetup.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EventPreviousSlugs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PreviousSlugs",
                table: "Events",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousSlugs",
                table: "Events");
        }
    }
}
