using CommuniGateFtp.Admin.Services;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Accounts.Components;

/// <summary>Creates an account, or edits one; the API validates and its messages are shown in the dialog.</summary>
public partial class AccountDialog
{
    private const string Ftp = "FTP";

    private MudForm? _form;
    private string _name = "";
    private string _domain = "";
    private string? _password;
    private bool _ftpEnabled = true;
    private bool _isAdministrator;
    private string _sizeLimit = "default";
    private string _filesLimit = "default";
    private string? _error;
    private bool _saving;
    private bool _editing;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = null!;

    [Parameter]
    public AccountModel? Account { get; set; }

    [Parameter]
    public IReadOnlyList<DomainModel> Domains { get; set; } = [];

    protected override void OnParametersSet()
    {
        _editing = Account is not null;
        if (Account is { } a)
        {
            (_name, _domain, _ftpEnabled, _isAdministrator) = (a.Name, a.Domain, a.EnabledServices.Contains(Ftp, StringComparer.OrdinalIgnoreCase), a.IsAdministrator);
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
        _saving = true;
        _error = null;
        try
        {
            var services = Account?.EnabledServices.Where(s => !s.Equals(Ftp, StringComparison.OrdinalIgnoreCase)).ToList() ?? [];
            if (_ftpEnabled)
            {
                services.Add(Ftp);
            }
            var change = new AccountChange(_name, _domain, string.IsNullOrEmpty(_password) ? null : _password, services,
                _sizeLimit, _filesLimit, _isAdministrator, null);
            var saved = Account is null
                ? await Api.CreateAccountAsync(change)
                : await Api.UpdateAccountAsync(Account.Domain, Account.Name, change);
            Dialog.Close(DialogResult.Ok(saved));
        }
        catch (FtpApiException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
