using System.Net;
using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>Accounts for protocol-level tests: <c>alice</c>/<c>secret</c> of <c>test.example</c>; no Domain owns an address.</summary>
public sealed class TableAuthenticator : IAccountAuthenticator
{
    public Task<LoginResult> AuthenticateAsync(LoginName login, string password, string? service, CancellationToken cancellationToken) =>
        Task.FromResult(login.Account == "alice" && password == "secret"
            ? LoginResult.Success(new AuthenticatedAccount(1, "alice", "test.example", false))
            : LoginResult.Fail(LoginFailure.BadPassword));

    public Task<LoginResult> AuthorizeAsync(LoginName login, string service, CancellationToken cancellationToken) =>
        Task.FromResult(login.Account == "alice"
            ? LoginResult.Success(new AuthenticatedAccount(1, "alice", "test.example", false))
            : LoginResult.Fail(LoginFailure.UnknownAccount));

    public Task<string?> DomainOwningAsync(IPAddress localAddress, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<bool> DomainServesAsync(string domain, CancellationToken cancellationToken) => Task.FromResult(domain == "test.example");

    public Task<AuthenticatedAccount?> AnonymousAsync(string? domain, CancellationToken cancellationToken) =>
        Task.FromResult<AuthenticatedAccount?>(AuthenticatedAccount.Anonymous(domain ?? "test.example"));
}
