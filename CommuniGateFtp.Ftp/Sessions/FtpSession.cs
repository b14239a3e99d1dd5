using System.Net;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Security;
using CommuniGateFtp.Ftp.Storage;

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

    /// <summary>The listener socket the client connected to (the local end point), written as <see cref="Client"/>.</summary>
    public string Listener { get; } = Describe(localEndPoint);

    /// <summary>The client's address (IPv4-mapped addresses as IPv4), or null when the transport has none.</summary>
    public IPAddress? ClientAddress { get; } = Listeners.ClientAddress.Of(remoteEndPoint);

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>True when the control connection is real IPv6 (not IPv4-mapped): PASV and LPSV cannot describe it.</summary>
    public bool ControlIsIPv6 { get; } = localEndPoint is IPEndPoint { Address: { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6, IsIPv4MappedToIPv6: false } };

    /// <summary>Where replies go; set by the session loop before the first command.</summary>
    public ReplyChannel Replies { get; set; } = null!;

    public SessionState State { get; private set; } = SessionState.Connected;

    /// <summary>The name given to USER, waiting for PASS.</summary>
    public LoginName? PendingLogin { get; private set; }

    /// <summary>The Domain chosen by HOST (RFC 7151) for unqualified login names, or null.</summary>
    public string? HostDomain { get; set; }

    /// <summary>The logged-in account, or null.</summary>
    public AuthenticatedAccount? Account { get; private set; }

    /// <summary>How the account logged in, or null before.</summary>
    public LoginMethod? LoginMethod { get; private set; }

    /// <summary>The logged-in account's view of File Storage (FS-PATH).</summary>
    public FileSpace? Files { get; private set; }

    /// <summary>Failed PASS attempts in this session (SES-FAILDELAY).</summary>
    public int LoginFailures { get; private set; }

    /// <summary>The current directory in the session's virtual namespace (FS-PATH).</summary>
    public VirtualPath CurrentDirectory { get; set; } = VirtualPath.Root;

    public TransferType TransferType { get; set; } = TransferType.Ascii;

    /// <summary>The REST marker, kept until the next transfer command (CMD-REST-RULE).</summary>
    public long RestartOffset { get; set; }

    /// <summary>The size ALLO announced, kept like the REST marker: the next upload's expected size for the live view.</summary>
    public long? AllocatedSize { get; set; }

    /// <summary>The RNFR source waiting for RNTO.</summary>
    public VirtualPath? PendingRename { get; set; }

    /// <summary>RFC 2428 EPSV ALL: from now on only EPSV prepares data connections.</summary>
    public bool EpsvAll { get; set; }

    /// <summary>The facts MLSD/MLST send (OPTS MLST, RFC 3659 7.9).</summary>
    public IReadOnlySet<string> MlstFacts { get; set; } = CommuniGateFtp.Ftp.Storage.Listing.MlstFacts.All;

    /// <summary>The security layer: mechanism, control protection, PBSZ and PROT level (RFC 2228, RFC 4217).</summary>
    public SessionSecurity Security { get; } = new();

    /// <summary>The prepared data connection (DATA-ONE), or null.</summary>
    public IDataChannel? DataChannel { get; private set; }

    /// <summary>The running transfer, or null (LIM-CONCURRENT: one at a time).</summary>
    public FtpTransfer? CurrentTransfer { get; set; }

    private readonly CancellationTokenSource _disconnect = new();
    private long _changes;

    /// <summary>Counts the changes the live views were told of (<see cref="SessionRegistry.Changed"/>): equal counts, nothing new to show.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    internal void MarkChanged() => Interlocked.Increment(ref _changes);

    /// <summary>Cancelled when an administrator disconnects the session (ADM-LIVE).</summary>
    public CancellationToken DisconnectToken => _disconnect.Token;

    /// <summary>Ends the session from outside: it answers 421 and closes; a running transfer is aborted.</summary>
    public void Disconnect()
    {
        // In this order: when the aborted transfer ends, it already knows that the session answers 421 in its place.
        Hosting.SocketEventThread.Cancel(_disconnect);
        CurrentTransfer?.Abort();
    }

    /// <summary>The last command, activity and byte totals, and the protocol lines for whoever watches (live views).</summary>
    public SessionActivity Activity { get; } = new(connectedAt);

    public bool IsLoggedIn => State == SessionState.LoggedIn;

    /// <summary>The logged-in session's File Storage; handlers run only after the dispatcher checked the login.</summary>
    public FileSpace RequireFiles() => Files ?? throw new InvalidOperationException("Not logged in.");

    /// <summary>SES-USER: a new USER starts the login over.</summary>
    public void BeginLogin(LoginName? login)
    {
        Account = null;
        LoginMethod = null;
        Files = null;
        PendingLogin = login;
        RestartOffset = 0;
        State = SessionState.UserGiven;
    }

    /// <summary>TLS-AUTH: a security exchange forgets a half-done login.</summary>
    public void ResetLogin()
    {
        PendingLogin = null;
        State = SessionState.Connected;
    }

    public void CompleteLogin(AuthenticatedAccount account, FileSpace files, LoginMethod method = Sessions.LoginMethod.Password)
    {
        Account = account;
        LoginMethod = method;
        Files = files;
        PendingLogin = null;
        CurrentDirectory = VirtualPath.Root;
        State = SessionState.LoggedIn;
    }

    /// <summary>Counts a failed PASS and forgets the pending name; returns the failures so far.</summary>
    public int FailLogin()
    {
        PendingLogin = null;
        State = SessionState.Connected;
        return ++LoginFailures;
    }

    /// <summary>REIN: forget the login and every transfer parameter, as if just connected.</summary>
    public async ValueTask ReinitializeAsync()
    {
        Account = null;
        LoginMethod = null;
        Files = null;
        PendingLogin = null;
        State = SessionState.Connected;
        HostDomain = null;
        CurrentDirectory = VirtualPath.Root;
        TransferType = TransferType.Ascii;
        RestartOffset = 0;
        AllocatedSize = null;
        PendingRename = null;
        EpsvAll = false;
        MlstFacts = CommuniGateFtp.Ftp.Storage.Listing.MlstFacts.All;
        await SetDataChannelAsync(null);
    }

    /// <summary>DATA-ONE: a new PORT/PASV replaces (and closes) a pending data connection.</summary>
    public async ValueTask SetDataChannelAsync(IDataChannel? channel)
    {
        var previous = DataChannel;
        DataChannel = channel;
        if (previous is not null)
        {
            await previous.DisposeAsync();
        }
    }

    /// <summary>Takes the prepared data connection for a transfer command.</summary>
    public IDataChannel? TakeDataChannel()
    {
        var channel = DataChannel;
        DataChannel = null;
        return channel;
    }

    /// <summary>CMD-REST-RULE: the marker applies to one transfer command, then is cleared.</summary>
    public long TakeRestartOffset()
    {
        var offset = RestartOffset;
        RestartOffset = 0;
        AllocatedSize = null; // ALLO, like REST, belongs to the transfer command right after it
        return offset;
    }

    private static string Describe(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip => $"[{(ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address)}]:{ip.Port}",
        null => "[unknown]",
        _ => endPoint.ToString() ?? "[unknown]",
    };
}
