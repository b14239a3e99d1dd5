using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary>
/// Every HTTP route the running Ftp service maps, read from its <see cref="EndpointDataSource"/>: a route added later is
/// in the security tests without anyone listing it.
/// </summary>
public sealed record ManagementRoute(string Method, string Pattern, bool RequiresAuthorization, string Policies = "")
{
    public static IReadOnlyList<ManagementRoute> Of(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ManagementRoute(
                method, "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 && e.Metadata.GetMetadata<IAllowAnonymous>() is null,
                string.Join(",", e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").Distinct().Order(StringComparer.Ordinal)))))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal),
    ];

    /// <summary>A request path for the route: parameters filled with names that exist (the Main Domain, postmaster).</summary>
    public string Path(string domain) => Regex.Replace(Pattern, @"\{(\w+)[^}]*\}", m => m.Groups[1].Value switch
    {
        "domain" => domain,
        "name" => "postmaster",
        "id" => "1",
        var other => other,
    }).TrimEnd('/');

    /// <summary>True when the route names a Domain in its path (<c>{domain}</c>), which the domain policy checks.</summary>
    public bool NamesDomain => Pattern.Contains("{domain}", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Pattern}";
}
