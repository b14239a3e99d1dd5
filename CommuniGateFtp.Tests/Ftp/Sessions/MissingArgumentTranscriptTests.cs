namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>RFC 959 4.2: a command sent without the argument its syntax requires gets <c>501</c>, from the dispatcher.</summary>
public sealed class MissingArgumentTranscriptTests
{
    private const string Login = """
        S: 220
        C: USER alice
        S: 331
        C: PASS secret
        S: 230
        """;

    [Theory]
    [InlineData("MKD")]
    [InlineData("XMKD")]
    [InlineData("RMD")]
    [InlineData("XRMD")]
    [InlineData("DELE")]
    [InlineData("RNFR")]
    [InlineData("RNTO")]
    [InlineData("CWD")]
    [InlineData("XCWD")]
    [InlineData("SIZE")]
    [InlineData("MDTM")]
    [InlineData("HASH")]
    [InlineData("RETR")]
    [InlineData("STOR")]
    [InlineData("APPE")]
    [InlineData("MFMT")]
    [InlineData("SITE")]
    [InlineData("PORT")]
    [InlineData("EPRT")]
    [InlineData("LPRT")]
    [InlineData("TYPE")]
    [InlineData("MODE")]
    [InlineData("STRU")]
    [InlineData("REST")]
    [InlineData("ALLO")]
    [InlineData("ACCT")]
    [InlineData("OPTS")]
    [InlineData("AUTH")]
    [InlineData("PBSZ")]
    [InlineData("PROT")]
    public Task A_command_without_its_required_argument_gets_501(string verb) => TranscriptHarness.RunAsync(Login + "\n" + $"""
        C: {verb}
        S: 501 {verb} needs an argument
        C: NOOP
        S: 200
        """);

    [Fact]
    public Task User_without_a_name_gets_501_before_login() => TranscriptHarness.RunAsync("""
        S: 220
        C: USER
        S: 501 USER needs an argument
        C: USER alice
        S: 331
        """);

    [Fact]
    public Task Host_without_a_name_gets_501() => TranscriptHarness.RunAsync("""
        S: 220
        C: HOST
        S: 501 HOST needs an argument
        """);

    [Fact]
    public Task A_command_that_needs_login_gets_530_before_its_argument_is_looked_at() => TranscriptHarness.RunAsync("""
        S: 220
        C: MKD
        S: 530
        """);

    [Fact]
    public Task Pass_without_a_password_is_a_failed_login_not_a_syntax_error() => TranscriptHarness.RunAsync("""
        S: 220
        C: USER alice
        S: 331
        C: PASS
        S: 530 Login incorrect
        """);

    [Fact]
    public Task Commands_whose_argument_is_optional_work_without_one() => TranscriptHarness.RunAsync(Login + "\n" + """
        C: MLST
        S- Listing /
        C: STAT
        S- 211
        C: HELP
        S- 214
        C: STOU
        S: 425
        """);
}
