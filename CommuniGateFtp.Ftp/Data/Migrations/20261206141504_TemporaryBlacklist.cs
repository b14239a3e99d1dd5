using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommuniGateFtp.Ftp.Data.Migrations
{
    /// <inheritdoc />
    public partial class TemporaryBlacklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "temporary_blacklist",
                columns: table => new
                {
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    WindowStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BlockedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BlockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Offences = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_temporary_blacklist", x => x.Address);
                });

            migrationBuilder.CreateIndex(
                name: "IX_temporary_blacklist_BlockedUntil",
                table: "temporary_blacklist",
                column: "BlockedUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "temporary_blacklist");
        }
    }
}
