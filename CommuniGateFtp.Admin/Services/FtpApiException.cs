using System.Net;

namespace CommuniGateFtp.Admin.Services;

/// <summary>The management API refused a request; the message is the API's own explanation, fit to show.</summary>
public sealed class FtpApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
