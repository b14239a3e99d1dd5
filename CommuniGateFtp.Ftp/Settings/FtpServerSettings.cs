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

    /// <summary>SET-TIMEOUTS, SES-IDLE: no command for this long ends the session with 421 (RFC 1123: at least 5 minutes).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>SET-TIMEOUTS, SES-IDLE: a login (and a TLS handshake) must complete within this time.</summary>
    public TimeSpan LoginTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>SET-TIMEOUTS, DATA-ORDER: how long to wait for a data connection (and its TLS handshake).</summary>
    public TimeSpan DataConnectTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>SET-TIMEOUTS, DATA-STALL: a transfer without progress for this long ends with 426.</summary>
    public TimeSpan DataStallTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>SET-LOGINFAIL: failed logins in one session before 421 and close.</summary>
    public int MaxLoginFailures { get; init; } = 3;

    /// <summary>SET-LOGINFAIL: how long a failed PASS waits before 530.</summary>
    public TimeSpan LoginFailureDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Problems with these values, by member; empty when they can be applied.</summary>
    public Dictionary<string, string[]> Validate()
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
        if (MaxLoginFailures is < 1 or > 100)
        {
            errors["maxLoginFailures"] = ["MaxLoginFailures must be between 1 and 100."];
        }
        if (!Listeners.IpAddressList.TryParse(BlacklistedIps, out _, out var listError))
        {
            errors["blacklistedIps"] = [listError!];
        }
        return errors;
    }

    private static void Within(Dictionary<string, string[]> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors[name] = [$"{name} must be between {min} and {max}."];
        }
    }
}
