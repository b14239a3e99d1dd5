using System.Text;
using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Tests.Ftp.Protocol;

public sealed class FtpCommandParserTests
{
    [Theory]
    [InlineData("user alice", "USER", "alice")]
    [InlineData("PASS  two spaces", "PASS", " two spaces")]
    [InlineData("NOOP", "NOOP", "")]
    [InlineData("RETR dir/Grüße.txt", "RETR", "dir/Grüße.txt")]
    public void Verb_is_upper_cased_and_the_argument_is_the_rest_after_one_space(string line, string verb, string argument)
    {
        Assert.True(FtpCommandParser.TryParse(Encoding.UTF8.GetBytes(line), out var command));
        Assert.Equal(verb, command.Verb);
        Assert.Equal(argument, command.Argument);
        Assert.False(command.ArgumentIsInvalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" NOOP")]
    [InlineData("NO0P")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    public void Lines_without_a_letter_verb_are_not_commands(string line) =>
        Assert.False(FtpCommandParser.TryParse(Encoding.UTF8.GetBytes(line), out _));

    [Fact]
    public void Invalid_utf8_or_nul_marks_the_argument_invalid()
    {
        Assert.True(FtpCommandParser.TryParse([.. "RETR "u8, 0xC0, 0xAF], out var overlong));
        Assert.True(overlong.ArgumentIsInvalid);
        Assert.True(FtpCommandParser.TryParse([.. "RETR a"u8, 0, .. "b"u8], out var nul));
        Assert.True(nul.ArgumentIsInvalid);
    }

    [Fact]
    public void Pass_and_security_payloads_are_masked_for_logs()
    {
        Assert.Equal("PASS ***", new FtpCommand("PASS", "hunter2").ToLogString());
        Assert.Equal("ADAT <4 bytes>", new FtpCommand("ADAT", "YWJj").ToLogString());
        Assert.DoesNotContain("hunter2", new FtpCommand("PASS", "hunter2").ToString());
    }
}
