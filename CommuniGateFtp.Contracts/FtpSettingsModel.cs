namespace CommuniGateFtp.Contracts;

/// <summary>
/// The live FTP settings document (<c>GET/PUT/PATCH /api/settings/ftp</c>) as clients see it. The service's own
/// <c>FtpServerSettings</c> carries validation and engine types, so it stays in the engine; this is its JSON shape, with
/// the same member names and defaults (a test compares the two), and settable members so a form can bind to them.
/// </summary>
public sealed class FtpSettingsModel
{
    /// <summary>CommuniGate Pro's level name: None, Failures, Major, Problems, LowLevel, AllInfo.</summary>
    public string LogLevel { get; set; } = "Problems";
    /// <summary>Daily log files each node keeps (today's included); 0 keeps them all.</summary>
    public int LogRetentionDays { get; set; } = 30;
    public int Channels { get; set; } = 20;
    public string BlacklistedIps { get; set; } = "";
    public bool PassiveMode { get; set; } = true;
    public bool LegacyList { get; set; }
    public bool AllowAnonymous { get; set; }
    public bool AllowCcc { get; set; }
    public bool RequireTlsForLogin { get; set; }
    /// <summary>Kerberos realm → Domain, one <c>REALM = domain</c> a line (default: the realm in lower case).</summary>
    public string GssapiRealms { get; set; } = "";
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(300);
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan FirstCommandTimeout { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan DataConnectTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan DataStallTimeout { get; set; } = TimeSpan.FromSeconds(300);
    public int MaxLoginFailures { get; set; } = 3;
    public TimeSpan LoginFailureDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Null: none stored, the start-up socket(s) serve. Reads show the table in force.</summary>
    public List<ListenerSocketModel>? Listener { get; set; }
    public int PassivePortMin { get; set; } = 50000;
    public int PassivePortMax { get; set; } = 50999;
    /// <summary>Cluster: ports shared by every node and session (e.g. <c>50000-50004</c>); empty = off.</summary>
    public string SharedPassivePorts { get; set; } = "";
    public bool SendWanAddress { get; set; }
    public string WanAddress { get; set; } = "";
    public string LanIps { get; set; } = "10.0.0.0/8\n172.16.0.0/12\n192.168.0.0/16\n127.0.0.0/8\n::1\nfc00::/7";
    public bool UseFixedActivePort { get; set; } = true;
    public int ActivePortMin { get; set; }
    public int ActivePortMax { get; set; }
    public int MaxUnauthenticatedPerAddress { get; set; } = 10;
    public string UnblacklistableIps { get; set; } = "";
    public int TempBlacklistFailures { get; set; } = 20;
    public TimeSpan TempBlacklistWindow { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan TempBlacklistTime { get; set; } = TimeSpan.FromMinutes(10);
    public TimeSpan TempBlacklistMaxTime { get; set; } = TimeSpan.FromHours(4);
    public int TokenRequestsPerAddress { get; set; } = 10;
    public int TokenRequestsPerAccount { get; set; } = 5;
}

/// <summary>One row of the Listener table (SET-LISTENER): port, <c>*</c> or one address, implicit TLS, client list, per-IP limit.</summary>
public sealed class ListenerSocketModel
{
    public int Port { get; set; }
    public string Address { get; set; } = "*";
    public bool Secure { get; set; }
    public string AllowedClients { get; set; } = "";
    public int PerIpLimit { get; set; }
}
