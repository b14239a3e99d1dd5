using System.Text.Json;
using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Sessions.Components;

/// <summary>
/// One session's live protocol view (<c>/api/sessions/{id}/log/stream</c>): its record kept current by the stream's
/// <c>snapshot</c> and <c>changed</c> events, its commands and replies as they happen, and "ended" once <c>closed</c>
/// arrives (or the session is gone when the stream comes back after a restart).
/// </summary>
public partial class SessionPanel
{
    /// <summary>Lines kept on screen; older ones scroll away for good.</summary>
    public const int Capacity = 2000;

    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(250);

    private readonly List<ProtocolLineResponse> _lines = [];
    private readonly Lock _gate = new();
    private List<ProtocolLineResponse> _shown = [];
    private SessionResponse _session = default!;
    private bool _ended;
    private bool _dirty;
    private bool _follow;
    private ElementReference _view;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter, EditorRequired]
    public SessionResponse Session { get; set; } = default!;

    /// <summary>Asks and disconnects; true when the session was ended.</summary>
    [Parameter, EditorRequired]
    public Func<SessionResponse, Task<bool>> Disconnect { get; set; } = default!;

    protected override void OnInitialized()
    {
        _session = Session;
        Follow($"/api/sessions/{Session.Id}/log/stream", _ => { }, OnEvent,
            Time.CreateTimer(_ => _ = InvokeAsync(RenderIfChanged), null, RenderInterval, RenderInterval));
    }

    // The route answered 404: the session is gone (ended while the service was away).
    protected override void OnStreamGone() => MarkEnded();

    private void OnEvent(string name, string data)
    {
        try
        {
            lock (_gate)
            {
                switch (name)
                {
                    case "snapshot" or "changed" or "opened":
                        _session = JsonSerializer.Deserialize<SessionResponse>(data, JsonSerializerOptions.Web) ?? _session;
                        break;
                    case "closed":
                        _session = JsonSerializer.Deserialize<SessionResponse>(data, JsonSerializerOptions.Web) ?? _session;
                        _ended = true;
                        StopFollowing(); // the stream ends here; without this the reader would come back for a session that is gone
                        break;
                    case "command" or "reply" when JsonSerializer.Deserialize<ProtocolLineResponse>(data, JsonSerializerOptions.Web) is { } line:
                        _lines.Add(line);
                        if (_lines.Count > Capacity + Capacity / 10)
                        {
                            _lines.RemoveRange(0, _lines.Count - Capacity);
                        }
                        break;
                }
                _dirty = true;
            }
        }
        catch (JsonException)
        {
            // one unreadable event must not stop the view
        }
    }

    private void MarkEnded()
    {
        lock (_gate)
        {
            (_ended, _dirty) = (true, true);
        }
    }

    private void RenderIfChanged()
    {
        lock (_gate)
        {
            if (!_dirty)
            {
                return;
            }
            _dirty = false;
            _shown = [.. _lines];
        }
        _follow = true;
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_follow)
        {
            _follow = false;
            await JS.ScrollToEndAsync(_view);
        }
    }

    private void Close() => Dialog.Close();

    private async Task DisconnectAsync()
    {
        if (await Disconnect(_session))
        {
            MarkEnded();
        }
    }
}
