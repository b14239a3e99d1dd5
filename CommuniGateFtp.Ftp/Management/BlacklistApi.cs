using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Ftp.Management.Live;
using CommuniGateFtp.Ftp.Settings;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/blacklist/temporary</c>: the client addresses temporarily blacklisted now, on any node, as a list and as a
/// live stream (<see cref="BlacklistStream"/>), and lifting one (which also forgets its failures and offences).
/// </summary>
public static class BlacklistApi
{
    public static IEndpointRouteBuilder MapBlacklistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/blacklist").WithTags("Blacklist").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/temporary", async (TemporaryBlacklist blacklist, CancellationToken cancellationToken) =>
            TypedResults.Ok((await blacklist.ListAsync(cancellationToken)).Select(BlacklistViews.Of).ToList()));
        group.MapGet("/temporary/stream", (TemporaryBlacklist blacklist, IOptions<FtpOptions> options) =>
                new LiveStreamResult(new BlacklistStream(blacklist.Blocked, options.Value.Node)))
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        group.MapDelete("/temporary/{address}", LiftAsync);
        return routes;
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, ValidationProblem>> LiftAsync(string address,
        TemporaryBlacklist blacklist, CancellationToken cancellationToken)
    {
        if (!IpAddressList.TryParseAddress(address, out var parsed))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["address"] = [$"'{address}' is not an IP address."] });
        }
        return await blacklist.LiftAsync(ClientAddress.Normalize(parsed), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(ApiProblems.Problem(404, "Address not blacklisted", $"The temporary blacklist does not know '{address}'."));
    }
}
