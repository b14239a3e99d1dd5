using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommuniGateFtp.Ftp.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedPassivePorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "passive_reservations",
                columns: table => new
                {
                    ClientAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false),
                    NodeNumber = table.Column<long>(type: "bigint", nullable: false),
                    Token = table.Column<Guid>(type: "uuid", nullable: false),
                    RelayEndPoint = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_passive_reservations", x => new { x.ClientAddress, x.Port });
                    table.ForeignKey(
                        name: "FK_passive_reservations_cluster_nodes_NodeNumber",
                        column: x => x.NodeNumber,
                        principalTable: "cluster_nodes",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_passive_reservations_NodeNumber",
                table: "passive_reservations",
                column: "NodeNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "passive_reservations");
        }
    }
}
