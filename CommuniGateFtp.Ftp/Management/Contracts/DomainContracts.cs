namespace CommuniGateFtp.Ftp.Management.Contracts;

/// <summary>A domain as the API shows it.</summary>
public sealed record DomainResponse(string Name, bool IsMain, bool Enabled, int AccountCount);

/// <summary>Body of <c>POST /api/domains</c>.</summary>
public sealed record CreateDomainRequest(string? Name, bool? Enabled);
