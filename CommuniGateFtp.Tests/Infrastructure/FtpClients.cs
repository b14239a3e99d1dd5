namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>Logs in with real FTP clients: curl and Python's ftplib.</summary>
public static class FtpClients
{
    /// <summary>curl against <c>ftp://host:port/</c>; its verbose output shows the whole dialogue.</summary>
    public static Task<ProcessOutput> CurlAsync(int port, string user, string password) =>
        ProcessRunner.RunAsync(RequiredTool.Find("curl"),
            ["-sS", "-v", "--max-time", "20", "--user", $"{user}:{password}", $"ftp://127.0.0.1:{port}/"]);

    /// <summary>ftplib logs in and prints the server's reply to PASS, or the error it raised.</summary>
    public static async Task<string> FtplibLoginAsync(int port, string user, string password)
    {
        const string script = """
            import ftplib, sys
            ftp = ftplib.FTP()
            ftp.connect('127.0.0.1', int(sys.argv[1]), timeout=20)
            try:
                print(ftp.login(sys.argv[2], sys.argv[3]))
                print(ftp.quit())
            except ftplib.all_errors as e:
                print('ERROR', e)
            """;
        var output = await ProcessRunner.RunAsync(RequiredTool.Find("python3"), ["-c", script, port.ToString(), user, password]);
        Assert.True(output.ExitCode == 0, output.ToString());
        return output.Stdout;
    }
}
