using CommuniGateFtp.Admin.Services;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Components;

namespace CommuniGateFtp.Admin.Components.Pages.Log.Components;

/// <summary>
/// A past day of the FTP log (<c>GET /api/log/days/{date}</c>). The server filters and pages: a search or level change
/// starts again from the file's beginning, "Load more" goes on from where the last page ended, so a big day is never
/// read whole; the records shown are virtualized.
/// </summary>
public partial class PastLog
{
    public const int PageSize = 500;

    private List<LogRecordResponse> _records = [];
    private long? _next;
    private bool _loading;
    private int _maxLevel = 5;
    private string _search = "";
    private int _query;
    private LogDayResponse? _shown;

    [Parameter, EditorRequired] public LogDayResponse Day { get; set; } = null!;

    [Inject] private FtpApiClient Api { get; set; } = null!;
    [Inject] private ApiCalls Calls { get; set; } = null!;

    private string CountText => (_records.Count == 1 ? "1 record" : $"{_records.Count} records") + (_next is null ? "" : ", more in the file");

    protected override async Task OnParametersSetAsync()
    {
        if (Day != _shown && RendererInfo.IsInteractive)
        {
            _shown = Day;
            await ReloadAsync();
        }
    }

    private Task SetLevelAsync(int level)
    {
        _maxLevel = level;
        return ReloadAsync();
    }

    private Task SetSearchAsync(string? search)
    {
        _search = search?.Trim() ?? "";
        return ReloadAsync();
    }

    private Task ReloadAsync()
    {
        _records = [];
        _next = 0;
        return LoadMoreAsync();
    }

    private async Task LoadMoreAsync()
    {
        if (_next is not { } after)
        {
            return;
        }
        var query = ++_query;
        _loading = true;
        var page = await Calls.RunAsync(() => Api.GetLogPageAsync(Day, _search, _maxLevel, after, PageSize));
        if (query != _query)
        {
            return; // a newer search or level replaced this one while it ran
        }
        _loading = false;
        _records = page is null ? _records : [.. _records, .. page.Records];
        _next = page?.Next;
    }
}
