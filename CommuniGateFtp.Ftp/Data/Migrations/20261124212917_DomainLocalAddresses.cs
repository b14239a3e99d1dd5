using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommuniGateFtp.Ftp.Data.Migrations
{
    /// <inheritdoc />
    public partial class DomainLocalAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "LocalIps",
                table: "domains",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]"); // existing domains own no address
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LocalIps",
                table: "domains");
        }
    }
}
