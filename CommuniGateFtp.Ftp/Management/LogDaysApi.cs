using System.Globalization;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Ftp.Telemetry.Archive;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// The FTP log's past: <c>/api/log/days</c> lists the daily files, <c>/api/log/days/{date}</c> reads a page of one,
/// filtered by level and text, streaming from a byte offset (<see cref="LogFileReader"/>).
/// </summary>
public static class LogDaysApi
{
    public const int DefaultTake = 200;
    public const int MaxTake = 1000;
    public const int MaxSearch = 200;

    public static RouteGroupBuilder MapLogDays(this RouteGroupBuilder group)
    {
        group.MapGet("/days", (LogArchive archive) =>
            TypedResults.Ok(new LogDaysResponse(archive.Node, [.. archive.Days().Select(d => new LogDayResponse(d.Node, d.Date, d.Bytes))])));
        group.MapGet("/days/{date}", ReadDayAsync);
        return group;
    }

    private static async Task<Results<Ok<LogPageResponse>, NotFound<ProblemDetails>, ValidationProblem>> ReadDayAsync(string date,
        string? node, string? search, int? maxLevel, long? after, int? take, LogArchive archive, CancellationToken cancellationToken)
    {
        node ??= archive.Node;
        var errors = new Dictionary<string, string[]>();
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors["date"] = [$"'{date}' is not a day (yyyy-MM-dd)."];
        }
        if (!LogArchive.IsNodeName(node))
        {
            errors["node"] = [$"'{node}' is not a node name."];
        }
        if (maxLevel is < (int)CgpLogLevel.Failures or > (int)CgpLogLevel.AllInfo)
        {
            errors["maxLevel"] = ["maxLevel must be between 1 (Failures) and 5 (All Info)."];
        }
        if (after < 0)
        {
            errors["after"] = ["after must be a byte offset (0 or more), as the previous page's next gave it."];
        }
        if (take is < 1 or > MaxTake)
        {
            errors["take"] = [$"take must be between 1 and {MaxTake}."];
        }
        if (search?.Length > MaxSearch)
        {
            errors["search"] = [$"search must be at most {MaxSearch} characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = new LogQuery(search?.Trim() ?? "", (CgpLogLevel)(maxLevel ?? (int)CgpLogLevel.AllInfo), after ?? 0, take ?? DefaultTake);
        try
        {
            var page = await LogFileReader.ReadAsync(archive.PathOf(node, day), day, query, cancellationToken);
            return TypedResults.Ok(new LogPageResponse(node, day, [.. page.Records.Select(LogViews.Of)], page.Next));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return TypedResults.NotFound(ApiProblems.Problem(404, "No log file", $"Node '{node}' has no log file for {date}."));
        }
    }
}
