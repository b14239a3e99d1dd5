namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>One entry of an item's ACL (FS-ACL): a grantee in its normalised form and the rights it is given.</summary>
public sealed record AclEntry(Grantee Grantee, FileRights Rights);
