using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Contracts;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Settings;

/// <summary>
/// Reads the live FTP settings with their ETag and saves a merge patch of what changed, on that version (If-Match):
/// a 412 offers to reload, a validation problem is shown at its fields.
/// </summary>
public partial class Settings
{
    private readonly bool[] _open = [true, true, false, false, false];
    private FtpSettingsModel? _original;
    private FtpSettingsModel? _edited;
    private string? _etag;
    private FieldErrors _errors = FieldErrors.None;
    private bool _conflict;
    private bool _saving;

    // Members with a field of their own; problems with others are listed in the banner.
    private static readonly HashSet<string> ShownMembers = [.. typeof(FtpSettingsModel).GetProperties().Select(p => JsonName(p.Name))];

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var read = await Calls.RunAsync(() => Api.GetSettingsAsync());
        if (read is not null)
        {
            Show(read);
        }
    }

    private async Task SaveAsync()
    {
        if (_original is null || _edited is null)
        {
            return;
        }
        if (SettingsPatch.Between(_original, _edited).Count == 0)
        {
            Snackbar.Add("Nothing changed.", Severity.Info);
            return;
        }
        _saving = true;
        var saved = await Calls.RunAsync(() => Api.PatchSettingsAsync(_original, _edited, _etag), Refused);
        _saving = false;
        if (saved is not null)
        {
            Show(saved);
            Snackbar.Add("Settings saved; they apply now.", Severity.Success);
        }
    }

    private bool Refused(FtpApiException problem)
    {
        if (problem.ChangedElsewhere)
        {
            _conflict = true;
            return true;
        }
        if (problem.Errors.Count == 0)
        {
            return false;
        }
        _errors = new FieldErrors(problem.Errors);
        Array.Fill(_open, true); // a field in a closed panel would hide its message
        return true;
    }

    private void Show(Tagged<FtpSettingsModel> read)
    {
        read.Value.Listener ??= [];
        (_original, _edited, _etag) = (read.Value, SettingsPatch.Copy(read.Value), read.ETag);
        (_errors, _conflict) = (FieldErrors.None, false);
    }

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}
