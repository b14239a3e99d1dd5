using System.Collections.Concurrent;
using System.Diagnostics;
using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Telemetry;

/// <summary>
/// The spans an OpenTelemetry exporter (the AppHost's dashboard) receives: one trace per command, tagged with its
/// session, and the data phase under the command that started it. There is no span as long as a session: it would show
/// only when the session ends and be held all that time. Other test classes' servers share the ActivitySource, so spans
/// are picked by this test's session.
/// </summary>
public sealed class TracingTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private const int FileSize = 1_234_567;

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name == FtpTelemetry.Name,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };
    private readonly string _work = Directory.CreateTempSubdirectory("cgftp-tracing-").FullName;

    public async ValueTask InitializeAsync()
    {
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
        await service.CreateFtpAccountAsync("traced", "traced-pass-1");
        await service.CreateFtpAccountAsync("traced-refused", "traced-pass-2");
    }

    public ValueTask DisposeAsync()
    {
        _listener.Dispose();
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Each_command_is_a_root_span_tagged_with_its_session_and_the_upload_has_a_data_span_under_its_STOR()
    {
        var file = TestFiles.Write(Path.Combine(_work, "up.bin"), FileSize);
        var upload = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
            ["-sS", "--user", "traced:traced-pass-1", "-T", file, $"ftp://127.0.0.1:{service.FtpPort}/traced.bin"]);
        Assert.True(upload.ExitCode == 0, upload.ToString());

        await Eventually.HoldsAsync(() =>
        {
            var user = Assert.Single(_stopped, a => a.DisplayName == "FTP USER" && Equals(a.GetTagItem("ftp.command"), "USER traced"));
            var sessionId = user.GetTagItem("ftp.session.id");
            Assert.NotNull(sessionId);
            // Session ids are counted per server, and other classes' servers share the source: after USER, this session's
            // commands are the ones with its id and its account.
            var account = $"traced@{FtpServiceFactory.MainDomain}";
            var commands = _stopped.Where(a => a.Kind == ActivityKind.Server && Equals(a.GetTagItem("ftp.session.id"), sessionId)
                                               && (a == user || Equals(a.GetTagItem("ftp.account"), account))).ToList();
            Assert.Contains(commands, a => a.DisplayName == "FTP QUIT"); // the session has ended: every span is in
            Assert.Equal(["FTP USER", "FTP PASS", "FTP STOR", "FTP QUIT"], commands.Select(a => a.DisplayName).Intersect(["FTP USER", "FTP PASS", "FTP STOR", "FTP QUIT"]));
            Assert.All(commands, a =>
            {
                Assert.Null(a.ParentId); // a trace of its own
                Assert.Equal("127.0.0.1", a.GetTagItem("client.address"));
            });

            var pass = Assert.Single(commands, a => a.DisplayName == "FTP PASS");
            Assert.Equal("PASS ***", pass.GetTagItem("ftp.command"));
            Assert.Equal(230, pass.GetTagItem("ftp.reply.code"));
            Assert.Equal(account, pass.GetTagItem("ftp.account"));
            Assert.Null(user.GetTagItem("ftp.account"));

            var stor = Assert.Single(commands, a => a.DisplayName == "FTP STOR");
            Assert.Equal(150, stor.GetTagItem("ftp.reply.code"));
            var data = Assert.Single(_stopped, a => a.DisplayName == "FTP STOR data" && a.ParentSpanId == stor.SpanId);
            Assert.Equal(sessionId, data.GetTagItem("ftp.session.id"));
            Assert.Equal(stor.TraceId, data.TraceId);
            Assert.Equal((long)FileSize, data.GetTagItem("ftp.transfer.bytes"));
            Assert.Equal(226, data.GetTagItem("ftp.reply.code"));
            Assert.Equal("receive", data.GetTagItem("ftp.transfer.direction"));
            Assert.Equal("clear", data.GetTagItem("ftp.transfer.protection"));
            Assert.Equal(ActivityStatusCode.Unset, data.Status);
            return Task.CompletedTask;
        });
        Assert.DoesNotContain(_stopped, a => a.DisplayName == "FTP session");
    }

    [Fact]
    public async Task A_refused_command_marks_its_span_as_an_error()
    {
        var refused = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
            ["-sS", "--user", "traced-refused:traced-pass-2", "-Q", "DELE no-such-file.bin", $"ftp://127.0.0.1:{service.FtpPort}/"]);
        Assert.NotEqual(0, refused.ExitCode);

        await Eventually.HoldsAsync(() =>
        {
            var dele = Assert.Single(_stopped, a => a.DisplayName == "FTP DELE" && Equals(a.GetTagItem("ftp.account"), $"traced-refused@{FtpServiceFactory.MainDomain}"));
            Assert.Equal("DELE no-such-file.bin", dele.GetTagItem("ftp.command"));
            Assert.Equal(550, dele.GetTagItem("ftp.reply.code"));
            Assert.Equal(ActivityStatusCode.Error, dele.Status);
            return Task.CompletedTask;
        });
    }
}
