using CommuniGateFtp.Ftp.Settings;

namespace CommuniGateFtp.Tests.Ftp.Settings;

public sealed class FtpOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.True(new FtpOptionsValidator().Validate(null, new FtpOptions()).Succeeded);

    [Fact]
    public void Bad_listen_address_and_domain_are_refused_with_clear_messages()
    {
        var result = new FtpOptionsValidator().Validate(null, new FtpOptions { ListenAddress = "somewhere", MainDomain = "not a domain" });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Ftp:ListenAddress"));
        Assert.Contains(result.Failures!, f => f.Contains("Ftp:MainDomain"));
    }
}
