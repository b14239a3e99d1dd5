namespace CommuniGateFtp.Tests.Ftp.Sessions;

/// <summary>Reply codes of the engine's commands (SPEC section 2), through the real session loop.</summary>
public sealed class CommandTranscriptTests
{
    private const string Login = """
        S: 220
        C: USER alice
        S: 331
        C: PASS secret
        S: 230
        """;

    [Fact]
    public Task Directories_are_made_entered_left_and_removed_with_rfc_959_replies() => TranscriptHarness.RunAsync(Login + "\n" + """
        C: PWD
        S: 257 "/" is current directory
        C: MKD a "quoted" dir
        S: 257 "/a ""quoted"" dir" created
        C: MKD a "quoted" dir
        S: 550 File exists
        C: CWD a "quoted" dir
        S: 250
        C: XPWD
        S: 257 "/a ""quoted"" dir"
        C: CDUP
        S: 250
        C: CDUP
        S: 250 Directory changed to /
        C: CWD ../../../../etc
        S: 550 No such file or directory
        C: RMD a "quoted" dir
        S: 250
        C: RMD /
        S: 550
        C: XRMD missing
        S: 550 No such file or directory
        """);

    [Fact]
    public Task Transfer_parameters_accept_what_works_and_refuse_the_rest() => TranscriptHarness.RunAsync(Login + "\n" + """
        C: TYPE I
        S: 200
        C: TYPE A N
        S: 200
        C: TYPE L 8
        S: 200
        C: TYPE E
        S: 504
        C: TYPE X
        S: 501
        C: STRU F
        S: 200
        C: STRU R
        S: 504
        C: MODE S
        S: 200
        C: MODE Z
        S: 504
        C: REST 100
        S: 350 Restarting at 100
        C: REST -1
        S: 501
        C: REST 99999999999999999999999
        S: 501
        C: ALLO 1000
        S: 202
        """);

    [Fact]
    public Task Active_targets_other_than_the_client_or_below_1024_are_refused() => TranscriptHarness.RunAsync(Login + "\n" + """
        C: PORT 10,0,0,1,195,80
        S: 504 Illegal PORT command
        C: PORT 127,0,0,1,0,21
        S: 504 Illegal PORT command
        C: PORT 127,0,0,1,300,1
        S: 501
        C: EPRT |1|192.0.2.1|5000|
        S: 504
        C: EPRT |9|127.0.0.1|5000|
        S: 522
        C: LPRT 5,4,127,0,0,1,2,19,136
        S: 521
        C: PORT 127,0,0,1,195,80
        S: 200
        C: EPSV ALL
        S: 200
        C: PORT 127,0,0,1,195,80
        S: 503
        C: PASV
        S: 503
        """);

    [Fact]
    public Task Transfers_without_a_data_connection_get_425_and_missing_files_550() => TranscriptHarness.RunAsync(Login + "\n" + """
        C: RETR nothing.txt
        S: 550 No such file or directory
        C: STOR new.txt
        S: 425 Use PORT or PASV first
        C: LIST
        S: 425
        C: RETR ../../../../etc/passwd
        S: 550
        C: STOR /~bob/x
        S: 550 No such file or directory
        C: STOR ./~x
        S: 553
        C: STOR bad\name
        S: 553
        """);

    [Fact]
    public Task Rename_needs_rnfr_right_before_and_delete_refuses_directories() => TranscriptHarness.RunAsync(Login + "\n" + """
        C: RNTO x
        S: 503
        C: MKD d
        S: 257
        C: RNFR d
        S: 350
        C: NOOP
        S: 200
        C: RNTO e
        S: 503
        C: RNFR d
        S: 350
        C: RNTO d/inside
        S: 550
        C: RNFR d
        S: 350
        C: RNTO e
        S: 250
        C: DELE e
        S: 550 Is a directory
        C: SIZE e
        S: 550
        C: MLST e
        S- type=dir
        C: MFMT 2020 e
        S: 501
        C: MFMT 20200101000000 e
        S: 213 Modify=20200101000000; e
        """);

    [Fact]
    public Task Feat_help_opts_and_friends_describe_what_works() => TranscriptHarness.RunAsync("""
        S: 220
        C: FEAT
        S- MLST type*;size*;modify*;perm*;unique*;
        C: FEAT
        S-  EPSV
        C: FEAT
        S-  REST STREAM
        C: FEAT
        S-  UTF8
        C: HELP
        S- RETR
        C: HELP RETR
        S: 214
        C: HELP SMNT
        S: 502
        C: OPTS UTF8 ON
        S: 200
        C: LANG EN
        S: 200
        C: LANG FR
        S: 504
        C: STAT
        S- Not logged in
        C: STAT /
        S: 530
        C: SYST
        S: 215 UNIX Type: L8
        C: ACCT x
        S: 202
        """ + "\n" + """
        C: USER alice
        S: 331
        C: PASS secret
        S: 230
        C: OPTS MLST type;size;
        S: 200 MLST OPTS type;size;
        C: FEAT
        S- MLST type*;size*;modify;perm;unique;
        C: SITE CHMOD 755 x
        S: 502
        C: SITE HELP
        S: 214
        C: REIN
        S: 220
        C: PWD
        S: 530
        """);

    [Fact]
    public Task Without_a_certificate_security_commands_refuse_and_tls_can_be_required_for_login() => TranscriptHarness.RunAsync("""
        S: 220
        C: AUTH TLS
        S: 504 TLS is not configured
        C: AUTH KERBEROS_V4
        S: 504
        C: PBSZ 0
        S: 503
        C: PROT P
        S: 503
        C: CCC
        S: 533
        C: FEAT
        S- UTF8
        C: USER alice
        S: 530 TLS required
        C: PASS secret
        S: 530 TLS required
        """, live: s => s with { RequireTlsForLogin = true });
}
