using System.Globalization;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

public sealed partial class FtpApiClient
{
    /// <summary>The FTP log's daily files, newest first.</summary>
    public Task<LogDaysResponse> GetLogDaysAsync(CancellationToken cancellationToken = default) =>
        SendAsync<LogDaysResponse>(HttpMethod.Get, "/api/log/days", null, cancellationToken);

    /// <summary>A page of <paramref name="day"/>'s records from byte <paramref name="after"/> (0: the start), filtered.</summary>
    public Task<LogPageResponse> GetLogPageAsync(LogDayResponse day, string search, int maxLevel, long after, int take,
        CancellationToken cancellationToken = default)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/log/days/{day.Date:yyyy-MM-dd}?node={Escape(day.Node)}&maxLevel={maxLevel}&after={after}&take={take}");
        if (search.Length > 0)
        {
            path += "&search=" + Escape(search);
        }
        return SendAsync<LogPageResponse>(HttpMethod.Get, path, null, cancellationToken);
    }
}
