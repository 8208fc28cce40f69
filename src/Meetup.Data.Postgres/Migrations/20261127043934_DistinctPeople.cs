using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meetup.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DistinctPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DistinctPeople",
                columns: table => new
                {
                    AttendeeId = table.Column<int>(type: "integer", nullable: false),
                    OtherAttendeeId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistinctPeople", x => new { x.AttendeeId, x.OtherAttendeeId });
                    table.ForeignKey(
                        name: "FK_DistinctPeople_Attendees_AttendeeId",
                        column: x => x.AttendeeId,
                        principalTable: "Attendees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DistinctPeople_Attendees_OtherAttendeeId",
                        column: x => x.OtherAttendeeId,
                        principalTable: "Attendees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DistinctPeople_OtherAttendeeId",
                table: "DistinctPeople",
                column: "OtherAttendeeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DistinctPeople");
        }
    }
}
