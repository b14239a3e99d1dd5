using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Ftp.Management.Live;

/// <summary>
/// Writes a <see cref="LiveStream"/> as server-sent events (text/event-stream) until the client leaves, the server
/// stops or the stream completes. The first block carries <c>retry:</c> (how long a browser waits before it reconnects);
/// an idle stream sends a comment line every <see cref="KeepAlive"/> so that proxies and load balancers do not cut it.
/// Changes are read in batches at most every <see cref="BatchInterval"/>: whatever happens to one session in between
/// reaches the reader as one event, so no session shows more than a few updates a second however busy it is.
/// </summary>
public sealed class LiveStreamResult(LiveStream stream) : IResult
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(250);
    public const int RetryMilliseconds = 3000;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = stream;
        var json = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var stopping = httpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass each event on at once
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var text = new StringBuilder();
        try
        {
            Append(text, stream.Start(), json);
            text.Append("retry: ").Append(RetryMilliseconds).Append("\n\n");
            await WriteAsync(response, text, ended.Token);
            while (!stream.IsComplete)
            {
                if (!await stream.Signal.WaitAsync(KeepAlive, ended.Token))
                {
                    text.Append(": keep-alive\n\n");
                }
                else
                {
                    Append(text, stream.Changes(), json);
                }
                await WriteAsync(response, text, ended.Token);
                await Task.Delay(BatchInterval, ended.Token);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client left or the server is stopping: the stream simply ends.
        }
        catch (IOException)
        {
        }
    }

    private static void Append(StringBuilder text, IEnumerable<ServerSentEvent> events, JsonSerializerOptions json)
    {
        foreach (var (name, data) in events)
        {
            text.Append("event: ").Append(name).Append('\n');
            var payload = data as string ?? JsonSerializer.Serialize(data, data.GetType(), json);
            // A data line cannot hold a line break (JSON never has one; a log line never should): split, as SSE allows.
            foreach (var line in payload.Split('\n'))
            {
                text.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
            }
            text.Append('\n');
        }
    }

    private static async Task WriteAsync(HttpResponse response, StringBuilder text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return;
        }
        await response.WriteAsync(text.ToString(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        text.Clear();
    }
}
