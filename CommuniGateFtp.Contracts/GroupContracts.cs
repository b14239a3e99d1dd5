namespace CommuniGateFtp.Contracts;

/// <summary>A Domain group; ACL entries <c>#name</c> grant rights to its members (FS-ACL). Members as <c>name@domain</c>.</summary>
public sealed record GroupResponse(string Name, string Domain, IReadOnlyList<string> Members);

/// <summary>Body of <c>PUT /api/domains/{domain}/groups/{name}</c>: every member, as <c>name</c> (this Domain) or <c>name@domain</c>.</summary>
public sealed record GroupRequest(IReadOnlyList<string>? Members);
