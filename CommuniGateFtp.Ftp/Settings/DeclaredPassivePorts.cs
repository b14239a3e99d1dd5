namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// Under a deployment that exposes only some ports (<c>Ftp:DeclaredPassivePorts</c>), passive data must use them: the
/// shared passive ports when that mode is on, else the passive range.
/// </summary>
public static class DeclaredPassivePorts
{
    /// <summary>Adds a problem to <paramref name="errors"/> when <paramref name="settings"/> would use an undeclared port.</summary>
    public static void Check(FtpServerSettings settings, FtpOptions options, Dictionary<string, string[]> errors)
    {
        if (!PortList.TryParse(options.DeclaredPassivePorts, out var declared, out _) || declared.Count == 0
            || !PortList.TryParse(settings.SharedPassivePorts, out var shared, out _))
        {
            return;
        }
        var why = $"Only the declared passive ports {options.DeclaredPassivePorts} are reachable here (Ftp:DeclaredPassivePorts, the AppHost's endpoints).";
        if (shared.Count > 0)
        {
            if (shared.Any(p => !declared.Contains(p)))
            {
                errors["sharedPassivePorts"] = [why];
            }
        }
        else if (settings.PassivePortMin < declared[0] || settings.PassivePortMax > declared[^1]
                 || settings.PassivePortMax - settings.PassivePortMin + 1 > declared.Count(p => p >= settings.PassivePortMin && p <= settings.PassivePortMax))
        {
            errors["passivePortMin"] = [why];
        }
    }
}
