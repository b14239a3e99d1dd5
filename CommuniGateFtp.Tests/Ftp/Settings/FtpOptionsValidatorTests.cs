using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData("/srv/ftp/storage/example.com/logs", false)] // inside a domain's tree: an account could read it
    [InlineData("/srv/ftp/storage", false)]
    [InlineData("/srv/ftp/storage/.logs", true)]
    [InlineData("/srv/ftp/storage/.audit/ftp", true)]
    [InlineData("/var/log/cgftp", true)]
    [InlineData("/srv/ftp/logs", true)]
    public void The_log_folder_may_not_be_where_an_account_could_read_it(string logDirectory, bool valid)
    {
        var result = new FtpOptionsValidator().Validate(null, new FtpOptions { StorageRoot = "/srv/ftp/storage", LogDirectory = logDirectory });
        Assert.Equal(valid, result.Succeeded);
        Assert.True(valid || result.Failures!.Single().Contains("Ftp:LogDirectory"));
    }

    [Theory]
    [InlineData("Splice")] // not a method: the binder refuses it
    [InlineData("7")] // a number outside the enumeration: the data annotations refuse it
    public void An_unknown_plain_download_method_is_refused_naming_the_option(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Ftp:PlainDownloads", value)]).Build();
        var services = new ServiceCollection();
        services.AddOptions<FtpOptions>().Bind(configuration.GetSection(FtpOptions.SectionName)).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<FtpOptions>>().Value);
        Assert.Contains("PlainDownloads", error.Message);
    }
}
