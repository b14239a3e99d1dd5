using System.Text;
using System.Text.Json;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>One server-sent event as a client sees it: its name and its data (JSON for the typed streams).</summary>
public sealed record ServerEvent(string Name, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

/// <summary>
/// Reads a server-sent event stream of the management API the way a browser does: <c>event:</c> and <c>data:</c> fields
/// until a blank line, comments (keep-alives) and <c>retry:</c> skipped. Keeps everything it read, so a test can search
/// the whole stream for what must never appear in it.
/// </summary>
public sealed class EventStreamReader : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly StringBuilder _raw = new();

    private EventStreamReader(HttpResponseMessage response, Stream body) => (_response, _reader) = (response, new StreamReader(body));

    /// <summary>Everything read so far, as it came over the wire.</summary>
    public string Raw => _raw.ToString();

    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStreamReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event, or null when the server ended the stream. Fails the test after <paramref name="timeout"/>.</summary>
    public async Task<ServerEvent?> NextAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        string? name = null;
        var data = new List<string>();
        while (await _reader.ReadLineAsync(limit.Token) is { } line)
        {
            _raw.Append(line).Append('\n');
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return new ServerEvent(name ?? "message", string.Join('\n', data));
                }
                name = null;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
        return null;
    }

    /// <summary>Reads on until an event matches; fails the test when none does within <paramref name="timeout"/> or the stream ends.</summary>
    public async Task<ServerEvent> UntilAsync(Func<ServerEvent, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no matching event within {timeout}; read:\n{Raw}");
            var next = await NextAsync(left) ?? throw new Xunit.Sdk.XunitException($"the stream ended; read:\n{Raw}");
            if (match(next))
            {
                return next;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
