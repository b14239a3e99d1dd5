using System.Net;
using CommuniGateFtp.Ftp.Accounts;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>Rules of <see cref="FtpOptions"/> that data annotations cannot say.</summary>
public sealed class FtpOptionsValidator : IValidateOptions<FtpOptions>
{
    public ValidateOptionsResult Validate(string? name, FtpOptions options)
    {
        var failures = new List<string>();
        if (options.ListenAddress != "*" && !IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"Ftp:ListenAddress '{options.ListenAddress}' is neither '*' nor an IP address.");
        }
        if (!string.IsNullOrEmpty(options.MainDomain) && !DomainName.IsValid(options.MainDomain))
        {
            failures.Add($"Ftp:MainDomain '{options.MainDomain}' is not a valid domain name.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
