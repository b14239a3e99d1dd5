namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// The FTP module's settings that operators change at run time (SPEC section 7), stored in PostgreSQL and applied
/// live on every node. More SET-* items move here from <see cref="FtpOptions"/> as they become live.
/// </summary>
public sealed record FtpServerSettings
{
    /// <summary>SET-LOGLEVEL: CommuniGate Pro's level for the FTP log; applies to running sessions.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<Telemetry.CgpLogLevel>))]
    public Telemetry.CgpLogLevel LogLevel { get; init; } = Telemetry.CgpLogLevel.Problems;

    /// <summary>
    /// The FTP log's daily files kept by each node: today's and the days before it, this many in all; older ones are
    /// deleted at start, at each new day and when this changes. 0 keeps every file.
    /// </summary>
    public int LogRetentionDays { get; init; } = 30;

    /// <summary>SET-CHANNELS: simultaneous control connections over all sockets; 0 closes every listener socket.</summary>
    public int Channels { get; init; } = 20;

    /// <summary>NET-BLACKLIST: clients in this address list (NET-IPLIST syntax) get 421 and are closed before any command.</summary>
    public string BlacklistedIps { get; init; } = "";

    /// <summary>SET-PASSIVE: off → PASV/EPSV/LPSV answer <c>502 Passive mode disabled</c>.</summary>
    public bool PassiveMode { get; init; } = true;

    /// <summary>SET-LEGACYLIST: on → LIST of a missing target still opens the data connection and sends nothing.</summary>
    public bool LegacyList { get; init; }

    /// <summary>SET-ANON, SES-ANON: USER <c>anonymous</c> or <c>ftp</c> with any password may list and read outside <c>private</c>.</summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>SET-TLS, TLS-CCC: allow CCC to drop TLS from the control connection after login.</summary>
    public bool AllowCcc { get; init; }

    /// <summary>SET-TLS, TLS-POLICY: USER/PASS only on a protected control connection (530 otherwise).</summary>
    public bool RequireTlsForLogin { get; init; }

    /// <summary>
    /// SET-GSS, GSS-USER: Kerberos realm → Domain, one <c>REALM = domain</c> a line; a realm not listed maps to the Domain
    /// named like it in lower case.
    /// </summary>
    public string GssapiRealms { get; init; } = "";

    /// <summary>SET-TIMEOUTS, SES-IDLE: no command for this long ends the session with 421 (RFC 1123: at least 5 minutes).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// SET-TIMEOUTS, SES-IDLE: a login (and a TLS handshake) must complete within this time. 30 s rather than SPEC's
    /// 60 s: a connection that has not logged in holds a channel, and one address could otherwise hold them all.
    /// </summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>SEC-DOS: the first command must come within this time after the greeting, or 421 and close.</summary>
    public TimeSpan FirstCommandTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>SET-TIMEOUTS, DATA-ORDER: how long to wait for a data connection (and its TLS handshake).</summary>
    public TimeSpan DataConnectTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>SET-TIMEOUTS, DATA-STALL: a transfer without progress for this long ends with 426.</summary>
    public TimeSpan DataStallTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>SET-LOGINFAIL: failed logins in one session before 421 and close.</summary>
    public int MaxLoginFailures { get; init; } = 3;

    /// <summary>SET-LOGINFAIL: how long a failed PASS waits before 530.</summary>
    public TimeSpan LoginFailureDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// SET-LISTENER, NET-SOCKETS: the listener sockets. Null = none stored: the start-up socket(s) from <c>Ftp:Port</c>,
    /// <c>Ftp:ListenAddress</c> and <c>Ftp:Tls:ImplicitPort</c>.
    /// </summary>
    public IReadOnlyList<ListenerSocket>? Listener { get; init; }

    /// <summary>NET-PASVRANGE: lowest passive data port.</summary>
    public int PassivePortMin { get; init; } = 50000;

    /// <summary>NET-PASVRANGE: highest passive data port.</summary>
    public int PassivePortMax { get; init; } = 50999;

    /// <summary>
    /// Shared passive ports (cluster): a few ports, e.g. <c>50000-50004</c>, bound on every node and shared by all sessions,
    /// each pending PASV reserved for its client address; a data connection reaching another node is relayed to the
    /// session's node. Empty: off (each PASV listens on a port of its own from the range above).
    /// </summary>
    public string SharedPassivePorts { get; init; } = "";

    /// <summary>SET-WANADDR: 227/228 replies carry <see cref="WanAddress"/> for clients outside <see cref="LanIps"/>.</summary>
    public bool SendWanAddress { get; init; }

    /// <summary>NET-WAN: the server's WAN IPv4 address; empty = <see cref="SendWanAddress"/> has no effect.</summary>
    public string WanAddress { get; init; } = "";

    /// <summary>NET-LAN: clients in this address list (NET-IPLIST) are on the LAN and get the local address in 227/228.</summary>
    public string LanIps { get; init; } = DefaultLanIps;

    /// <summary>SET-FIXEDACTIVE: active data connections come from the control port − 1 (else from the active range).</summary>
    public bool UseFixedActivePort { get; init; } = true;

    /// <summary>NET-ACTIVE: lowest local port of active data connections; 0 (with the maximum 0) = an OS-assigned port.</summary>
    public int ActivePortMin { get; init; }

    /// <summary>NET-ACTIVE: highest local port of active data connections; 0 (with the minimum 0) = an OS-assigned port.</summary>
    public int ActivePortMax { get; init; }

    /// <summary>
    /// SEC-DOS: connections from one client address that have not logged in, over all sockets (0 = no limit); the
    /// excess gets 421 and counts toward the temporary blacklist. Below <see cref="Channels"/>, so one address cannot
    /// take every channel; logged-in sessions do not count, so an office behind one NAT is not limited.
    /// </summary>
    public int MaxUnauthenticatedPerAddress { get; init; } = 10;

    /// <summary>
    /// CGP "UnBlacklistable" (White Hole) addresses, an address list (NET-IPLIST): never temporarily blacklisted, and
    /// free of <see cref="MaxUnauthenticatedPerAddress"/> and the token route's per-address limits.
    /// </summary>
    public string UnblacklistableIps { get; init; } = "";

    /// <summary>Temporary blacklisting: failures from one address within <see cref="TempBlacklistWindow"/> that blacklist it; 0 = off.</summary>
    public int TempBlacklistFailures { get; init; } = 20;

    /// <summary>Temporary blacklisting: the window the failures are counted in.</summary>
    public TimeSpan TempBlacklistWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Temporary blacklisting: how long a first offence blocks; each further one doubles it.</summary>
    public TimeSpan TempBlacklistTime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Temporary blacklisting: the longest block, however often an address offends.</summary>
    public TimeSpan TempBlacklistMaxTime { get; init; } = TimeSpan.FromHours(4);

    /// <summary><c>POST /api/auth/token</c>: requests per minute from one client address; the excess gets 429.</summary>
    public int TokenRequestsPerAddress { get; init; } = 10;

    /// <summary><c>POST /api/auth/token</c>: failed requests per minute naming one account; then 429 until the window ends.</summary>
    public int TokenRequestsPerAccount { get; init; } = 5;

    /// <summary>NET-LAN's default: the private, loopback and unique-local ranges.</summary>
    public const string DefaultLanIps = "10.0.0.0/8\n172.16.0.0/12\n192.168.0.0/16\n127.0.0.0/8\n::1\nfc00::/7";

    /// <summary>Problems with these values, by member; empty when they can be applied.</summary>
    /// <param name="certificateConfigured">Whether this server has a TLS certificate: secure listener sockets need one.</param>
    public Dictionary<string, string[]> Validate(bool certificateConfigured)
    {
        var errors = new Dictionary<string, string[]>();
        if (Channels < 0)
        {
            errors["channels"] = ["Channels must be 0 (no listener) or more."];
        }
        Within(errors, "idleTimeout", IdleTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Within(errors, "loginTimeout", LoginTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Within(errors, "dataConnectTimeout", DataConnectTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Within(errors, "dataStallTimeout", DataStallTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Within(errors, "loginFailureDelay", LoginFailureDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Within(errors, "firstCommandTimeout", FirstCommandTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        ValidateProtection(errors);
        Between(errors, "logRetentionDays", LogRetentionDays, 0, 3650);
        if (MaxLoginFailures is < 1 or > 100)
        {
            errors["maxLoginFailures"] = ["MaxLoginFailures must be between 1 and 100."];
        }
        if (!Listeners.IpAddressList.TryParse(BlacklistedIps, out _, out var listError))
        {
            errors["blacklistedIps"] = [listError!];
        }
        if (!Listeners.IpAddressList.TryParse(LanIps, out _, out var lanError))
        {
            errors["lanIps"] = [lanError!];
        }
        if (WanAddress.Length > 0 && (!Listeners.IpAddressList.TryParseAddress(WanAddress, out var wan)
            || wan.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork))
        {
            errors["wanAddress"] = [$"'{WanAddress}' is not an IPv4 address (227 and 228 replies carry IPv4 only)."];
        }
        PortRange(errors, "passivePort", PassivePortMin, PassivePortMax);
        if (!PortList.TryParse(SharedPassivePorts, out _, out var sharedError))
        {
            errors["sharedPassivePorts"] = [sharedError!];
        }
        if (ActivePortMin != 0 || ActivePortMax != 0)
        {
            PortRange(errors, "activePort", ActivePortMin, ActivePortMax); // both 0: the OS picks (NET-ACTIVE)
        }
        if (Listener is not null)
        {
            ListenerTable.Validate(Listener, certificateConfigured, errors);
        }
        return errors;
    }

    private void ValidateProtection(Dictionary<string, string[]> errors)
    {
        Between(errors, "maxUnauthenticatedPerAddress", MaxUnauthenticatedPerAddress, 0, 100_000);
        Between(errors, "tempBlacklistFailures", TempBlacklistFailures, 0, 100_000);
        Between(errors, "tokenRequestsPerAddress", TokenRequestsPerAddress, 1, 100_000);
        Between(errors, "tokenRequestsPerAccount", TokenRequestsPerAccount, 1, 100_000);
        Within(errors, "tempBlacklistWindow", TempBlacklistWindow, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Within(errors, "tempBlacklistTime", TempBlacklistTime, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Within(errors, "tempBlacklistMaxTime", TempBlacklistMaxTime, TempBlacklistTime, TimeSpan.FromDays(7));
        if (!Accounts.GssapiRealms.TryParse(GssapiRealms, out _, out var realmError))
        {
            errors["gssapiRealms"] = [realmError!];
        }
        if (!Listeners.IpAddressList.TryParse(UnblacklistableIps, out _, out var whiteHoleError))
        {
            errors["unblacklistableIps"] = [whiteHoleError!];
        }
    }

    private static void Between(Dictionary<string, string[]> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors[name] = [$"{name} must be between {min} and {max}."];
        }
    }

    private static void PortRange(Dictionary<string, string[]> errors, string name, int min, int max)
    {
        if (min is < 1 or > 65535 || max is < 1 or > 65535)
        {
            errors[name + "Min"] = [$"{name}Min and {name}Max must be ports between 1 and 65535."];
        }
        else if (min > max)
        {
            errors[name + "Min"] = [$"{name}Min {min} is above {name}Max {max}."];
        }
    }

    private static void Within(Dictionary<string, string[]> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors[name] = [$"{name} must be between {min} and {max}."];
        }
    }
}
