namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>Failed logins feed the temporary blacklist (memory store): the PASS that blocks the address closes the session.</summary>
public sealed class BlacklistTranscriptTests
{
    [Fact]
    public Task Pass_failure_that_blacklists_the_address_answers_421_and_closes() => TranscriptHarness.RunAsync("""
        S: 220
        C: USER alice
        S: 331
        C: PASS wrong-1
        S: 530 Login incorrect
        C: USER alice
        S: 331
        C: PASS wrong-2
        S: 421 Too many login failures
        CLOSED
        """, live: s => s with { MaxLoginFailures = 10, TempBlacklistFailures = 2 });
}
