using CommuniGateFtp.Admin.Components.Pages.Accounts.Components;
using CommuniGateFtp.Admin.Services.Live;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Accounts;

/// <summary>
/// Accounts a page at a time (the API searches and pages, so thousands stay quick), with create, edit, password reset
/// and delete through the management API. Each account shows its open sessions, counted live from the sessions stream.
/// A Domain administrator sees its Domain's accounts (the API scopes the list and the stream) and is not offered what
/// the API refuses it: the server administrator right, storage limits, server administrators' accounts.
/// </summary>
public partial class Accounts
{
    private static readonly int[] PageSizes = [10, 25, 50, 100];

    private MudTable<AccountResponse>? _table;
    private string _search = "";
    private List<DomainResponse> _domains = [];
    private bool _serverAdministrator = true;
    private SessionsFeed? _feed;
    private Dictionary<string, int> _liveSessions = new(StringComparer.OrdinalIgnoreCase);

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    // What a Domain administrator may not touch (the API answers 403): a server administrator's account.
    private bool Locked(AccountResponse account) => account.IsAdministrator && !_serverAdministrator;

    protected override async Task OnInitializedAsync()
    {
        _serverAdministrator = Authentication is null || (await Authentication).User.IsInRole(ManagementRoles.ServerAdministrator);
        if (RendererInfo.IsInteractive)
        {
            _feed = new SessionsFeed(Stream, Time);
            _feed.Changed += OnSessionsChanged;
            _feed.Start();
        }
        _domains = await Calls.RunAsync(() => Api.GetDomainsAsync()) ?? [];
    }

    private int LiveSessions(AccountResponse account) => _liveSessions.GetValueOrDefault($"{account.Name}@{account.Domain}");

    // Transfers tick their sessions twice a second: render only when a count changed.
    private void OnSessionsChanged() => _ = InvokeAsync(() =>
    {
        var counts = _feed!.Board.Sessions.Where(s => s.Session.Account is not null)
            .GroupBy(s => s.Session.Account!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        if (counts.Count != _liveSessions.Count || counts.Any(c => _liveSessions.GetValueOrDefault(c.Key) != c.Value))
        {
            _liveSessions = counts;
            StateHasChanged();
        }
    });

    private async Task<TableData<AccountResponse>> LoadPageAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Calls.RunAsync(() => Api.SearchAccountsAsync(_search, state.Page * state.PageSize, state.PageSize, cancellationToken));
        return new TableData<AccountResponse> { Items = page?.Items ?? [], TotalItems = page?.Total ?? 0 };
    }

    private Task SearchAsync(string? search)
    {
        _search = search ?? "";
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private Task CreateAsync() => OpenEditorAsync(null, "New account");

    private Task EditAsync(AccountResponse account) => OpenEditorAsync(account, $"Edit {account.Name}@{account.Domain}");

    private async Task OpenEditorAsync(AccountResponse? account, string title)
    {
        var parameters = new DialogParameters<AccountDialog>
        {
            { d => d.Account, account }, { d => d.Domains, _domains }, { d => d.ServerAdministrator, _serverAdministrator },
        };
        var dialog = await Dialogs.ShowAsync<AccountDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: AccountResponse saved })
        {
            Snackbar.Add($"Saved {saved.Name}@{saved.Domain}", Severity.Success);
            await _table!.ReloadServerData();
        }
    }

    private async Task ResetPasswordAsync(AccountResponse account)
    {
        var parameters = new DialogParameters<PasswordDialog> { { d => d.Account, account } };
        var dialog = await Dialogs.ShowAsync<PasswordDialog>($"New password for {account.Name}@{account.Domain}", parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Password of {account.Name}@{account.Domain} changed", Severity.Success);
        }
    }

    private async Task DeleteAsync(AccountResponse account)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete account",
            $"Delete {account.Name}@{account.Domain}? Its login stops working at once, its open sessions end, and its File Storage (every file) is removed.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true && await Calls.RunAsync(() => Api.DeleteAccountAsync(account.Domain, account.Name)))
        {
            Snackbar.Add($"Deleted {account.Name}@{account.Domain}", Severity.Success);
            await _table!.ReloadServerData();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_feed is not null)
        {
            _feed.Changed -= OnSessionsChanged;
            await _feed.DisposeAsync();
        }
    }
}
