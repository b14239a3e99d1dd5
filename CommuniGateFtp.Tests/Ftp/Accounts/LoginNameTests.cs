using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Tests.Ftp.Accounts;

public sealed class LoginNameTests
{
    [Theory]
    [InlineData("alice", "alice", null)]
    [InlineData("Alice@Example.COM", "alice", "example.com")]
    [InlineData("alice%example.com", "alice", "example.com")]
    [InlineData(" bob.smith@mail.example.org ", "bob.smith", "mail.example.org")]
    public void Names_resolve_case_insensitively_with_at_or_percent(string text, string account, string? domain)
    {
        Assert.True(LoginName.TryParse(text, out var login));
        Assert.Equal(new LoginName(account, domain), login);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@example.com")]
    [InlineData("alice@")]
    [InlineData("../etc@example.com")]
    [InlineData("al ice")]
    [InlineData("alice@exa_mple.com")]
    public void Malformed_names_are_refused(string text) => Assert.False(LoginName.TryParse(text, out _));
}
