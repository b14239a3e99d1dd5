namespace CommuniGateFtp.Ftp.Telemetry;

/// <summary>CommuniGate Pro's log levels (LOG-LEVELS): a record is written when its level ≤ the setting.</summary>
public enum CgpLogLevel
{
    None = 0,
    Failures = 1,
    Major = 2,
    Problems = 3,
    LowLevel = 4,
    AllInfo = 5,
}
