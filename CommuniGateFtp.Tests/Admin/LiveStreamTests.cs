using System.Net;
using CommuniGateFtp.Admin.Services.Live;
using Microsoft.Extensions.Time.Testing;

namespace CommuniGateFtp.Tests.Admin;

public sealed class LiveStreamTests
{
    [Fact]
    public async Task Reconnects_after_a_failure_and_resumes_the_stream()
    {
        var time = new FakeTimeProvider();
        var http = new StubHttp((_, call) => call == 1
            ? throw new HttpRequestException("connection refused")
            : Task.FromResult(StubHttp.Json(HttpStatusCode.OK, "event: log\ndata: 10:00:00.000 2 FTP-000001(server) hello\n\n", mediaType: "text/event-stream")));
        var stream = new LiveStream(http, StubHttp.SignedIn(), time);
        var states = new List<LiveState>();
        var lines = new List<string>();
        var reconnections = new List<bool>();
        stream.StateChanged += s => { lock (states) { states.Add(s); } };
        using var stop = new CancellationTokenSource();

        var running = stream.RunAsync("/api/log/stream", reconnections.Add, lines.Add, stop.Token);
        await WaitUntil(() => stream.State == LiveState.Reconnecting);
        time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => lines.Count == 1);
        await stop.CancelAsync();
        await running;

        Assert.Equal([true], reconnections);
        Assert.Equal("10:00:00.000 2 FTP-000001(server) hello", lines[0]);
        Assert.Equal([LiveState.Reconnecting, LiveState.Live], states.Take(2));
        Assert.Equal("Bearer token", http.Requests[1].Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task A_refused_token_stops_with_sign_in_required()
    {
        var http = new StubHttp((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Unauthorized)));
        var stream = new LiveStream(http, StubHttp.SignedIn(), TimeProvider.System);
        await stream.RunAsync("/api/log/stream", _ => { }, _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(LiveState.SignInRequired, stream.State);
    }

    [Fact]
    public async Task A_route_that_is_gone_stops_instead_of_reconnecting()
    {
        var http = new StubHttp((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)));
        var stream = new LiveStream(http, StubHttp.SignedIn(), TimeProvider.System);
        await stream.RunAsync("/api/sessions/9/log/stream", _ => { }, _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(LiveState.Stopped, stream.State);
        Assert.Single(http.Requests);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
