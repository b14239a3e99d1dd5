using Microsoft.AspNetCore.Components;

namespace CommuniGateFtp.Admin.Components.Pages.Storage;

/// <summary>
/// Picks an account (<c>?account=name@domain&amp;path=/dir</c> links here directly), browses its storage and edits the
/// ACL of the selected item; the explainer tells what someone may do there and why.
/// </summary>
public partial class Storage
{
    private string? _account;
    private string _path = "/";
    private string _selected = "/";

    [SupplyParameterFromQuery(Name = "account")]
    public string? AccountQuery { get; set; }

    [SupplyParameterFromQuery(Name = "path")]
    public string? PathQuery { get; set; }

    protected override void OnParametersSet()
    {
        if (!string.IsNullOrWhiteSpace(AccountQuery) && AccountQuery.Contains('@', StringComparison.Ordinal))
        {
            _account = AccountQuery;
            _path = _selected = string.IsNullOrEmpty(PathQuery) ? "/" : PathQuery;
        }
    }

    private async Task<IEnumerable<string>> FindAccountsAsync(string? text, CancellationToken cancellationToken)
    {
        var page = await Calls.RunAsync(() => Api.SearchAccountsAsync(text, 0, 20, cancellationToken));
        return page?.Items.Select(a => $"{a.Name}@{a.Domain}") ?? [];
    }

    private Task PickAsync(string? account)
    {
        if (account is not null && account != _account)
        {
            (_account, _path, _selected) = (account, "/", "/");
            Remember();
        }
        return Task.CompletedTask;
    }

    private Task OpenAsync(string path)
    {
        (_path, _selected) = (path, path);
        Remember();
        return Task.CompletedTask;
    }

    private void Select(string path) => _selected = path;

    // The address bar follows, so a reload or a shared link shows the same place.
    private void Remember() =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["account"] = _account, ["path"] = _path }),
            replace: true);
}
