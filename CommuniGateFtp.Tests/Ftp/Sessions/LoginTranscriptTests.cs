using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Ftp.Sessions;

public sealed class LoginTranscriptTests
{
    [Fact]
    public Task Greeting_then_user_pass_logs_in_and_quit_closes() => TranscriptHarness.RunAsync("""
        S: 220 test-host CommuniGateFtp ready
        C: USER alice
        S: 331
        C: PASS secret
        S: 230 User alice logged in
        C: QUIT
        S: 221
        CLOSED
        """);

    [Fact]
    public Task Commands_before_login_get_530_and_unknown_verbs_500_known_unimplemented_502() => TranscriptHarness.RunAsync("""
        S: 220
        C: PWD
        S: 530
        C: FROB x
        S: 500
        C: NOOP
        S: 200
        C: USER alice
        S: 331
        C: PASS secret
        S: 230
        C: SMNT /x
        S: 502
        """);

    [Fact]
    public Task Pass_without_user_is_out_of_sequence_and_unknown_user_gets_the_same_530() => TranscriptHarness.RunAsync("""
        S: 220
        C: PASS secret
        S: 503
        C: USER nobody
        S: 331
        C: PASS secret
        S: 530 Login incorrect
        C: USER alice
        S: 331
        C: PASS wrong
        S: 530 Login incorrect
        """);

    [Fact]
    public Task Too_many_failures_end_the_session_with_421() => TranscriptHarness.RunAsync("""
        S: 220
        C: USER alice
        S: 331
        C: PASS a
        S: 530
        C: USER alice
        S: 331
        C: PASS b
        S: 530
        C: USER alice
        S: 331
        C: PASS c
        S: 421 Too many login failures
        CLOSED
        """);

    [Fact]
    public Task Overlong_line_gets_500_and_the_session_goes_on() => TranscriptHarness.RunAsync($"""
        S: 220
        C: NOOP {new string('x', 5000)}
        S: 500 Command line too long
        C: SYST
        S: 215 UNIX Type: L8
        """);

    [Fact]
    public Task Invalid_utf8_argument_gets_501() => TranscriptHarness.RunAsync("""
        S: 220
        C: USER al\0ice
        S: 501
        """.Replace("\\0", "\0"));

    [Fact]
    public Task Login_timeout_closes_with_421() => TranscriptHarness.RunAsync("""
        S: 220
        C: USER alice
        S: 331
        ADVANCE 00:00:59
        C: NOOP
        S: 200
        ADVANCE 00:00:02
        S: 421 Timeout
        CLOSED
        """, live: s => s with { LoginTimeout = TimeSpan.FromMinutes(1) }, clock: new FakeTimeProvider());
}
