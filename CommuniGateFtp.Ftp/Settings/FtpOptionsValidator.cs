using CommuniGateFtp.Ftp.Accounts;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>Rules of <see cref="FtpOptions"/> that data annotations cannot say.</summary>
public sealed class FtpOptionsValidator : IValidateOptions<FtpOptions>
{
    public ValidateOptionsResult Validate(string? name, FtpOptions options)
    {
        var failures = new List<string>();
        if (new ListenerSocket { Address = options.ListenAddress }.ToEndPoint() is null)
        {
            failures.Add($"Ftp:ListenAddress '{options.ListenAddress}' is neither '*' nor an IP address.");
        }
        if (!string.IsNullOrEmpty(options.MainDomain) && !DomainName.IsValid(options.MainDomain))
        {
            failures.Add($"Ftp:MainDomain '{options.MainDomain}' is not a valid domain name.");
        }
        if (options.Tls.ImplicitPort is < 0 or > 65535)
        {
            failures.Add($"Ftp:Tls:ImplicitPort {options.Tls.ImplicitPort} is not a port (0 = none).");
        }
        if (LogFolderProblem(options) is { } logProblem)
        {
            failures.Add(logProblem);
        }
        if (!PortList.TryParse(options.DeclaredPassivePorts, out _, out var declaredError))
        {
            failures.Add($"Ftp:DeclaredPassivePorts: {declaredError}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The log names clients, accounts and paths: inside File Storage it must sit in a dot-folder (domain names never
    // start with '.'), where no account tree can reach it.
    private static string? LogFolderProblem(FtpOptions options)
    {
        string logs, storage;
        try
        {
            (logs, storage) = (Path.GetFullPath(options.LogFolder), Path.GetFullPath(options.StorageRoot));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"Ftp:LogDirectory '{options.LogDirectory}' is not a usable path ({ex.Message}).";
        }
        var relative = Path.GetRelativePath(storage, logs);
        var outside = relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative);
        return outside || (relative != "." && relative.StartsWith('.'))
            ? null
            : $"Ftp:LogDirectory '{options.LogDirectory}' is inside File Storage, where an account could read it: choose a folder outside Ftp:StorageRoot, or one whose name starts with '.' (the default is <StorageRoot>/.logs).";
    }
}
