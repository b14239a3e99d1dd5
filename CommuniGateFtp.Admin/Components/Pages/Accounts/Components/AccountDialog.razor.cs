using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Accounts.Components;

/// <summary>Creates an account, or edits one; the API validates and its messages are shown at the fields.</summary>
public partial class AccountDialog
{
    private MudForm? _form;
    private string _name = "";
    private string _domain = "";
    private string? _password;
    private IReadOnlyCollection<string> _services = [ServiceNames.Ftp];
    private bool _enabled = true;
    private bool _isAdministrator;
    private bool _isDomainAdministrator;
    private string _sizeLimit = "default";
    private string _filesLimit = "default";
    private FieldErrors _errors = FieldErrors.None;
    private string? _error;
    private bool _saving;
    private bool _editing;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    [Parameter]
    public AccountResponse? Account { get; set; }

    [Parameter]
    public IReadOnlyList<DomainResponse> Domains { get; set; } = [];

    /// <summary>False for a Domain administrator: the server administrator right and storage limits are not its to set.</summary>
    [Parameter]
    public bool ServerAdministrator { get; set; } = true;

    protected override void OnParametersSet()
    {
        _editing = Account is not null;
        if (Account is { } a)
        {
            (_name, _domain, _services, _enabled) = (a.Name, a.Domain, [.. a.EnabledServices], a.Enabled);
            (_isAdministrator, _isDomainAdministrator) = (a.IsAdministrator, a.IsDomainAdministrator);
            (_sizeLimit, _filesLimit) = (a.StorageSizeLimit, a.StorageFilesLimit);
        }
        else
        {
            _domain = Domains.FirstOrDefault(d => d.IsMain)?.Name ?? Domains.FirstOrDefault()?.Name ?? "";
        }
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        await _form!.ValidateAsync();
        if (!_form.IsValid)
        {
            return;
        }
        (_saving, _error, _errors) = (true, null, FieldErrors.None);
        var change = new AccountRequest(_name, _domain, string.IsNullOrEmpty(_password) ? null : _password, [.. _services],
            _sizeLimit, _filesLimit, _isAdministrator, _enabled, _isDomainAdministrator);
        var saved = await Calls.RunAsync(() => Account is null
            ? Api.CreateAccountAsync(change)
            : Api.UpdateAccountAsync(Account.Domain, Account.Name, change), ShowHere);
        _saving = false;
        if (saved is not null)
        {
            Dialog.Close(DialogResult.Ok(saved));
        }
    }

    // Problems belong in the dialog, beside what caused them, not in a Snackbar behind it.
    private bool ShowHere(FtpApiException problem)
    {
        (_error, _errors) = (problem.Message, new FieldErrors(problem.Errors));
        return true;
    }
}
