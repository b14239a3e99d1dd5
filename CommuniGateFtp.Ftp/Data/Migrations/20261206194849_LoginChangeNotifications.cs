using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommuniGateFtp.Ftp.Data.Migrations
{
    /// <summary>
    /// Every change to what a login reads of an account or a Domain NOTIFYs <c>cgftp_logins</c> when it commits, whoever
    /// makes it (the API on any node, a script, psql): each node's login cache (Accounts.LoginCache) forgets what it
    /// read. Usage counters and limits are not among the columns, so uploads never notify.
    /// </summary>
    public partial class LoginChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION cgftp_notify_login_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('cgftp_logins', '');
                    RETURN NULL;
                END $$;

                CREATE TRIGGER accounts_login_change
                    AFTER INSERT OR DELETE OR UPDATE OF "Name", "DomainId", "PasswordHash", "Enabled", "EnabledServices",
                        "IsAdministrator", "IsDomainAdministrator"
                    ON accounts FOR EACH STATEMENT EXECUTE FUNCTION cgftp_notify_login_change();
                CREATE TRIGGER accounts_login_truncate AFTER TRUNCATE ON accounts
                    FOR EACH STATEMENT EXECUTE FUNCTION cgftp_notify_login_change();
                CREATE TRIGGER domains_login_change AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON domains
                    FOR EACH STATEMENT EXECUTE FUNCTION cgftp_notify_login_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER domains_login_change ON domains;
                DROP TRIGGER accounts_login_truncate ON accounts;
                DROP TRIGGER accounts_login_change ON accounts;
                DROP FUNCTION cgftp_notify_login_change();
                """);
        }
    }
}
