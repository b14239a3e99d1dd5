using CommuniGateFtp.Ftp.Blacklist;
using CommuniGateFtp.Ftp.Listeners;
using CommuniGateFtp.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>
/// <c>/api/blacklist/temporary</c>: the client addresses temporarily blacklisted now, on any node, and lifting one
/// (which also forgets its failures and offences).
/// </summary>
public static class BlacklistApi
{
    public static IEndpointRouteBuilder MapBlacklistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/blacklist").WithTags("Blacklist").RequireAuthorization(ManagementApi.AdministratorPolicy);
        group.MapGet("/temporary", async (TemporaryBlacklist blacklist, CancellationToken cancellationToken) =>
            TypedResults.Ok((await blacklist.ListAsync(cancellationToken)).Select(ToResponse).ToList()));
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

    private static TemporaryBlacklistResponse ToResponse(BlacklistState state) =>
        new(state.Address.ToString(), state.BlockedSince ?? state.WindowStartedAt, state.BlockedUntil!.Value, state.Failures, state.Offences);
}
