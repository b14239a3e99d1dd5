using System.Text;
using CommuniGateFtp.Ftp.Commands;
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

    [Fact]
    public void A_known_verb_is_the_tables_own_string_and_an_unknown_one_a_new_string()
    {
        Assert.True(FtpCommandParser.TryParse("retr a.txt"u8, out var retr));
        Assert.True(KnownVerbs.TryGet("RETR", out var known));
        Assert.Same(known, retr.Verb);

        Assert.True(FtpCommandParser.TryParse("xyzw a.txt"u8, out var unknown));
        Assert.Equal("XYZW", unknown.Verb);
        Assert.Equal("a.txt", unknown.Argument);
    }

    [Fact]
    public void A_known_verb_alone_is_one_shared_command_and_parsing_it_allocates_nothing()
    {
        Assert.True(FtpCommandParser.TryParse("noop"u8, out var first));
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(FtpCommandParser.TryParse("NOOP"u8, out var second));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(first, second);
        Assert.Equal(new FtpCommand("NOOP", ""), second);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("TYPE I", "I")]
    [InlineData("TYPE A N", "A N")]
    [InlineData("PROT P", "P")]
    [InlineData("TYPE é", "é")]
    public void A_one_character_argument_reads_as_any_other(string line, string argument)
    {
        Assert.True(FtpCommandParser.TryParse(Encoding.UTF8.GetBytes(line), out var command));
        Assert.Equal(argument, command.Argument);
        Assert.False(command.ArgumentIsInvalid);
    }

    [Fact]
    public void A_one_byte_argument_that_is_not_utf8_stays_invalid()
    {
        Assert.True(FtpCommandParser.TryParse([.. "TYPE "u8, 0xFF], out var command));
        Assert.True(command.ArgumentIsInvalid);
        Assert.True(FtpCommandParser.TryParse([.. "TYPE "u8, 0], out var nul));
        Assert.True(nul.ArgumentIsInvalid);
    }
}
