using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meetup.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RsvpIndexCoversAttendee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rsvps_SessionId_Status_WaitlistPosition",
                table: "Rsvps");

            migrationBuilder.CreateIndex(
                name: "IX_Rsvps_SessionId_Status_WaitlistPosition_AttendeeId",
                table: "Rsvps",
                columns: new[] { "SessionId", "Status", "WaitlistPosition", "AttendeeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rsvps_SessionId_Status_WaitlistPosition_AttendeeId",
                table: "Rsvps");

            migrationBuilder.CreateIndex(
                name: "IX_Rsvps_SessionId_Status_WaitlistPosition",
                table: "Rsvps",
                columns: new[] { "SessionId", "Status", "WaitlistPosition" });
        }
    }
}
