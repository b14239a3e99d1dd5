namespace CommuniGateFtp.Contracts;

/// <summary>One item of a directory in an account's File Storage; <see cref="Size"/> is 0 for directories.</summary>
public sealed record FileEntryDto(string Name, bool IsDirectory, long Size, DateTimeOffset Modified);

/// <summary>Answer of <c>GET /api/accounts/{domain}/{name}/files?path=</c>: the directory's items, directories first.</summary>
public sealed record FileListResponse(string Account, string Path, IReadOnlyList<FileEntryDto> Entries);
