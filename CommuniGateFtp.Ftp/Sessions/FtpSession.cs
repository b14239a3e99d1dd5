using System.Net;
using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>
/// The state of one control connection, in named fields (no property bag). Handlers change it; the registry shows it.
/// </summary>
public sealed class FtpSession(long id, EndPoint? remoteEndPoint, EndPoint? localEndPoint, DateTimeOffset connectedAt)
{
    /// <summary>Unique per server run; the <c>nnnnnn</c> of LOG-FORMAT.</summary>
    public long Id { get; } = id;

    public EndPoint? RemoteEndPoint { get; } = remoteEndPoint;

    public EndPoint? LocalEndPoint { get; } = localEndPoint;

    /// <summary>The client as CommuniGate Pro logs it: <c>[ip]:port</c>, IPv4-mapped addresses shown as IPv4.</summary>
    public string Client { get; } = Describe(remoteEndPoint);

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    public SessionState State { get; private set; } = SessionState.Connected;

    /// <summary>The name given to USER, waiting for PASS.</summary>
    public LoginName? PendingLogin { get; private set; }

    /// <summary>The logged-in account, or null.</summary>
    public AuthenticatedAccount? Account { get; private set; }

    /// <summary>Failed PASS attempts in this session (SES-FAILDELAY).</summary>
    public int LoginFailures { get; private set; }

    /// <summary>The current directory in the session's virtual namespace (FS-PATH).</summary>
    public string CurrentDirectory { get; private set; } = "/";

    /// <summary>The last command's verb, for the live view.</summary>
    public string? LastCommand { get; set; }

    public bool IsLoggedIn => State == SessionState.LoggedIn;

    /// <summary>SES-USER: a new USER starts the login over.</summary>
    public void BeginLogin(LoginName? login)
    {
        Account = null;
        PendingLogin = login;
        State = SessionState.UserGiven;
    }

    public void CompleteLogin(AuthenticatedAccount account)
    {
        Account = account;
        PendingLogin = null;
        CurrentDirectory = "/";
        State = SessionState.LoggedIn;
    }

    /// <summary>Counts a failed PASS and forgets the pending name; returns the failures so far.</summary>
    public int FailLogin()
    {
        PendingLogin = null;
        State = SessionState.Connected;
        return ++LoginFailures;
    }

    private static string Describe(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip => $"[{(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address)}]:{ip.Port}",
        null => "[unknown]",
        _ => endPoint.ToString() ?? "[unknown]",
    };
}
