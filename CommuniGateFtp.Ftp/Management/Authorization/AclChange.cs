using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>A replacement of the ACL of an item of <paramref name="Owner"/>'s storage, for <see cref="AclChangeRequirement"/>.</summary>
public sealed record AclChange(StorageOwner Owner, IReadOnlyList<AclEntry> Current, IReadOnlyList<AclEntry> Wanted);
