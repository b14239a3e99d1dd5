using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Tests.Ftp.Accounts;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Hash_is_salted_never_the_password_and_verifies_only_the_right_password()
    {
        var hashing = new PasswordHashing();
        var first = hashing.Hash("correct horse");
        var second = hashing.Hash("correct horse");
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("correct horse", first);
        Assert.Equal(PasswordCheck.Valid, hashing.Verify(first, "correct horse"));
        Assert.Equal(PasswordCheck.Invalid, hashing.Verify(first, "Correct horse"));
    }
}
