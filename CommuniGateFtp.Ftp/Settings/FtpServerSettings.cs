namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// The FTP module's settings that operators change at run time (SPEC section 7), stored in PostgreSQL and applied
/// live on every node. More SET-* items move here from <see cref="FtpOptions"/> as they become live.
/// </summary>
public sealed record FtpServerSettings
{
    /// <summary>SET-PASSIVE: off → PASV/EPSV/LPSV answer <c>502 Passive mode disabled</c>.</summary>
    public bool PassiveMode { get; init; } = true;

    /// <summary>SET-LEGACYLIST: on → LIST of a missing target still opens the data connection and sends nothing.</summary>
    public bool LegacyList { get; init; }
}
