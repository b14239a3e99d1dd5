namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>The effective rights of a caller on an item and every rule that contributed to them.</summary>
public sealed record AccessExplanation(FileRights Rights, IReadOnlyList<AccessRule> Rules);
