using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;

namespace CommuniGateFtp.Admin.Services.Live;

/// <summary>
/// Follows one server-sent-events route of the management API for as long as a page is open, and comes back by itself:
/// when the stream ends or the Ftp service is away, <see cref="State"/> turns to Reconnecting and the request is made
/// again after 1, 2, 4 … at most 10 seconds; a 404 (the session it followed has ended) stops it. Uses
/// <see cref="ClientName"/>, an HttpClient without the standard resilience handler, whose timeouts would cut a stream
/// that lives for hours.
/// </summary>
public sealed class LiveStream(IHttpClientFactory clients, AccessTokenSource token, TimeProvider time)
{
    public const string ClientName = "ftp-stream";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(10);

    public LiveState State { get; private set; } = LiveState.Connecting;

    /// <summary>Raised off the circuit's thread: components marshal with <c>InvokeAsync</c>.</summary>
    public event Action<LiveState>? StateChanged;

    /// <summary>
    /// Runs until cancelled or the token is refused. <paramref name="connected"/> is called at each (re)connection,
    /// before its first event (a route that replays a snapshot replays it then); <paramref name="received"/> per event.
    /// </summary>
    public Task RunAsync(string path, Action<bool> connected, Action<string> received, CancellationToken cancellationToken) =>
        RunAsync(path, connected, (_, data) => received(data), cancellationToken);

    /// <summary>As the other overload, with each event's name (<c>snapshot</c>, <c>changed</c> …) beside its data.</summary>
    public async Task RunAsync(string path, Action<bool> connected, Action<string, string> received, CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        var reconnection = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync());
                using var response = await clients.CreateClient(ClientName)
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized)
                {
                    Set(LiveState.SignInRequired);
                    return;
                }
                if (response.StatusCode is HttpStatusCode.NotFound)
                {
                    break; // what it followed is gone (a session that ended): nothing will come back
                }
                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                connected(reconnection);
                Set(LiveState.Live);
                retry = FirstRetry;
                await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
                {
                    received(item.EventType, item.Data);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
            {
                // The service restarted or the connection broke: try again below.
            }
            reconnection = true;
            Set(LiveState.Reconnecting);
            try
            {
                await Task.Delay(retry, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
        Set(LiveState.Stopped);
    }

    private void Set(LiveState state)
    {
        if (State != state)
        {
            State = state;
            StateChanged?.Invoke(state);
        }
    }
}
