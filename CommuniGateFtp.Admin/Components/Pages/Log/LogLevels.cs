namespace CommuniGateFtp.Admin.Components.Pages.Log;

/// <summary>CommuniGate Pro's log levels as the Log page offers them (a record shows when its level is at or below the one picked).</summary>
public static class LogLevels
{
    public static readonly (int Level, string Name)[] All =
        [(1, "Failures"), (2, "Major"), (3, "Problems"), (4, "Low-Level"), (5, "All Info")];
}
