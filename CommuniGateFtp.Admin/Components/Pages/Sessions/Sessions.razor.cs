using CommuniGateFtp.Admin.Components.Pages.Sessions.Components;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Sessions;

/// <summary>
/// The live sessions grid (<c>/api/sessions/stream</c>, every node's): filtered by account or address (<c>?account=</c> comes
/// from the Accounts page) and by node (<c>?node=</c> comes from the Overview's nodes), sortable by every column, with Disconnect after a confirmation and a protocol view per session.
/// </summary>
public partial class Sessions
{
    private List<LiveSession> _shown = [];
    private IReadOnlyList<LiveSession> _all = [];
    private string _filter = "";
    private string _node = "";
    private IReadOnlyList<string> _nodes = [];

    /// <summary>Shows only this account's sessions at first (the Accounts page links here with it).</summary>
    [SupplyParameterFromQuery(Name = "account")]
    public string? Account { get; set; }

    /// <summary>Shows only this node's sessions at first (the Overview's nodes link here with it).</summary>
    [SupplyParameterFromQuery(Name = "node")]
    public string? Node { get; set; }

    private int Total => _all.Count;

    protected override void OnInitialized()
    {
        _filter = Account ?? "";
        _node = Node ?? "";
        base.OnInitialized();
    }

    protected override void Show(SessionBoard board)
    {
        _all = board.Sessions;
        _nodes = [.. _all.Select(s => s.Session.Node).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _shown = [.. _all.Where(Matches)];
    }

    private bool Matches(LiveSession live) => (_node.Length == 0 || live.Session.Node == _node) && (_filter.Length == 0
        || (live.Session.Account?.Contains(_filter, StringComparison.OrdinalIgnoreCase) ?? false)
        || live.Session.Client.Contains(_filter, StringComparison.OrdinalIgnoreCase));

    private void SetFilter(string? filter)
    {
        _filter = filter?.Trim() ?? "";
        ShowNow();
    }

    private void SetNode(string? node)
    {
        _node = node ?? "";
        ShowNow();
    }

    /// <summary>How the session logged in and how it is protected: <c>Password · TLS 1.3 · PROT P</c>.</summary>
    private static string Security(SessionResponse session) => string.Join(" · ", new[]
    {
        session.Authentication,
        session.Tls is { } tls ? tls.Protocol.Replace("Tls", "TLS ", StringComparison.Ordinal).Replace("TLS 1", "TLS 1.", StringComparison.Ordinal) : "no TLS",
        session.Protection == "Private" ? "PROT P" : "PROT C",
    }.OfType<string>());

    private async Task OpenPanelAsync(SessionResponse session)
    {
        var parameters = new DialogParameters<SessionPanel> { { p => p.Session, session }, { p => p.Disconnect, DisconnectAsync } };
        await Dialogs.ShowAsync<SessionPanel>($"Session #{session.Id}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true });
    }

    /// <summary>Asks first, then ends the session; true when it was ended.</summary>
    private async Task<bool> DisconnectAsync(SessionResponse session)
    {
        var transfer = session.Transfer is { } t ? $" Its running {t.Command} of {t.Path} is aborted." : "";
        var confirmed = await Dialogs.ShowMessageBoxAsync("Disconnect session",
            $"Disconnect session #{session.Id} ({session.Account ?? "not logged in"} from {session.Client})? The client gets 421.{transfer}",
            yesText: "Disconnect", cancelText: "Cancel");
        if (confirmed != true || !await Calls.RunAsync(() => Api.DisconnectSessionAsync(session.Id)))
        {
            return false;
        }
        Snackbar.Add($"Session #{session.Id} disconnected", Severity.Success);
        return true;
    }
}
