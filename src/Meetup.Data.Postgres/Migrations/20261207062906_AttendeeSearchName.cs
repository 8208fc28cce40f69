using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meetup.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AttendeeSearchName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Attendees",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Attendees");
        }
    }
}
