using CommuniGateFtp.Admin.Components.Pages.Domains.Components;
using CommuniGateFtp.Contracts;
using MudBlazor;

namespace CommuniGateFtp.Admin.Components.Pages.Domains;

/// <summary>Lists, creates and edits Domains; the selected one's groups are shown below.</summary>
public partial class Domains
{
    private List<DomainResponse>? _domains;
    private string? _selected;

    protected override async Task OnInitializedAsync()
    {
        await ReloadAsync();
        // A Domain administrator's list holds its own Domain only.
        _selected = (_domains?.FirstOrDefault(d => d.IsMain) ?? _domains?.FirstOrDefault())?.Name;
    }

    private async Task ReloadAsync() => _domains = await Calls.RunAsync(() => Api.GetDomainsAsync()) ?? _domains ?? [];

    private Task SelectAsync(DomainResponse? domain)
    {
        _selected = domain?.Name ?? _selected;
        return Task.CompletedTask;
    }

    // A Domain's own default has nothing above it: "default" there means no limit (FS-QUOTA).
    private static string NoDefault(string limit) => limit == "default" ? "unlimited" : limit;

    private Task CreateAsync() => OpenEditorAsync(null, "New domain");

    private Task EditAsync(DomainResponse domain) => OpenEditorAsync(domain, $"Edit {domain.Name}");

    private async Task OpenEditorAsync(DomainResponse? domain, string title)
    {
        var parameters = new DialogParameters<DomainDialog> { { d => d.Domain, domain } };
        var dialog = await Dialogs.ShowAsync<DomainDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: DomainResponse saved })
        {
            Snackbar.Add($"Saved {saved.Name}", Severity.Success);
            await ReloadAsync();
            _selected = saved.Name;
        }
    }
}
