namespace CommuniGateFtp.Admin.Services;

/// <summary>A representation with the <c>ETag</c> it was read with, to send back as <c>If-Match</c> (RFC 9110 13.1.1).</summary>
public sealed record Tagged<T>(T Value, string? ETag);
