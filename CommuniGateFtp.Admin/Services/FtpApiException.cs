using System.Net;

namespace CommuniGateFtp.Admin.Services;

/// <summary>
/// The management API refused a request. The message is the API's own explanation, fit to show; <see cref="Errors"/>
/// holds a validation problem's messages by member (camelCase, as the API names them) for display at the field.
/// </summary>
public sealed class FtpApiException(HttpStatusCode status, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    /// <summary>The API token expired or was refused: the operator must sign in again.</summary>
    public bool SignInRequired => Status == HttpStatusCode.Unauthorized;

    /// <summary>RFC 9110 13.1.1: someone else changed the resource since it was read.</summary>
    public bool ChangedElsewhere => Status == HttpStatusCode.PreconditionFailed;
}
