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
        if (!PortList.TryParse(options.DeclaredPassivePorts, out _, out var declaredError))
        {
            failures.Add($"Ftp:DeclaredPassivePorts: {declaredError}");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
