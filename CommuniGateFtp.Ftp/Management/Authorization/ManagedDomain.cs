namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>A Domain named by a request's body or query (an account to create, a group member, an account to explain).</summary>
public sealed record ManagedDomain(string Name);
