using CommuniGateFtp.Admin.Components.Pages.Accounts.Components;
using CommuniGateFtp.Admin.Services;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Accounts;

/// <summary>Lists accounts and creates, edits and deletes them through the management API.</summary>
public partial class Accounts
{
    private List<AccountModel>? _accounts;
    private List<DomainModel> _domains = [];

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _domains = await Api.GetDomainsAsync();
        _accounts = await Api.GetAccountsAsync();
    }

    private Task CreateAsync() => OpenEditorAsync(null, "New account");

    private Task EditAsync(AccountModel account) => OpenEditorAsync(account, $"Edit {account.Name}@{account.Domain}");

    private async Task OpenEditorAsync(AccountModel? account, string title)
    {
        var parameters = new DialogParameters<AccountDialog>
        {
            { d => d.Account, account },
            { d => d.Domains, _domains },
        };
        var dialog = await Dialogs.ShowAsync<AccountDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: AccountModel saved })
        {
            Snackbar.Add($"Saved {saved.Name}@{saved.Domain}", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(AccountModel account)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete account",
            $"Delete {account.Name}@{account.Domain}? Its login stops working at once, its open sessions end, and its File Storage (every file) is removed.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        try
        {
            await Api.DeleteAccountAsync(account.Domain, account.Name);
            Snackbar.Add($"Deleted {account.Name}@{account.Domain}", Severity.Success);
            await ReloadAsync();
        }
        catch (FtpApiException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
    }
}
