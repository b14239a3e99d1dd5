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

    /// <summary>Problems with these values, by member; empty when they can be applied.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Channels < 0)
        {
            errors["channels"] = ["Channels must be 0 (no listener) or more."];
        }
        if (!Listeners.IpAddressList.TryParse(BlacklistedIps, out _, out var listError))
        {
            errors["blacklistedIps"] = [listError!];
        }
        return errors;
    }
}
