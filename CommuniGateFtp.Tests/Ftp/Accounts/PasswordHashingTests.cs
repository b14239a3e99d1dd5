using CommuniGateFtp.Ftp.Accounts;

namespace CommuniGateFtp.Tests.Ftp.Accounts;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Hash_is_salted_never_the_password_and_verifies_only_the_right_password()
    {
        using var hashing = new PasswordHashing();
        var first = hashing.Hash("correct horse");
        var second = hashing.Hash("correct horse");
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("correct horse", first);
        Assert.Equal(PasswordCheck.Valid, hashing.Verify(first, "correct horse"));
        Assert.Equal(PasswordCheck.Invalid, hashing.Verify(first, "Correct horse"));
    }

    [Fact]
    public void A_password_that_verified_is_remembered_and_skips_pbkdf2_next_time()
    {
        using var hashing = new PasswordHashing();
        var hash = hashing.Hash("tr0ub4dor");
        Assert.Equal(PasswordCheck.Valid, hashing.Verify(hash, "tr0ub4dor"));
        var full = hashing.FullChecks;

        Assert.Equal(PasswordCheck.Valid, hashing.Verify(hash, "tr0ub4dor"));

        Assert.Equal(full, hashing.FullChecks);
    }

    [Fact]
    public void Wrong_passwords_are_checked_in_full_even_when_the_right_one_is_remembered()
    {
        using var hashing = new PasswordHashing();
        var hash = hashing.Hash("tr0ub4dor");
        Assert.Equal(PasswordCheck.Valid, hashing.Verify(hash, "tr0ub4dor"));
        var full = hashing.FullChecks;

        Assert.Equal(PasswordCheck.Invalid, hashing.Verify(hash, "tr0ub4dor "));
        Assert.Equal(PasswordCheck.Invalid, hashing.Verify(hashing.Hash("another"), "tr0ub4dor")); // remembered per hash

        Assert.Equal(full + 2, hashing.FullChecks);
    }
}
