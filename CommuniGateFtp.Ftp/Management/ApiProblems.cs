using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>RFC 7807 problem bodies the management API answers with.</summary>
public static class ApiProblems
{
    public static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    public static ProblemDetails AccountNotFound(string domain, string name) =>
        Problem(404, "Account not found", $"The account '{name}@{domain}' does not exist.");

    /// <summary>403: the caller may not do this (a Domain administrator outside its Domain, or beyond its rights).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>503: what was asked needs the database (e.g. it goes to another node through it), which does not answer now.</summary>
    public static ProblemHttpResult DatabaseUnavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable", detail: detail);

    public static ProblemDetails DomainNotFound(string domain) =>
        Problem(404, "Domain not found", $"The domain '{domain}' does not exist.");
}
