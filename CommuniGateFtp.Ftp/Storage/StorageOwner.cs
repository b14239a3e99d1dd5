namespace CommuniGateFtp.Ftp.Storage;

/// <summary>The account whose File Storage holds an item: its quota pays for writes there and its ACLs apply (FS-QUOTA, FS-ACL).</summary>
public sealed record StorageOwner(int Id, string Name, string Domain)
{
    /// <summary><c>name@domain</c>.</summary>
    public string Address => $"{Name}@{Domain}";
}
