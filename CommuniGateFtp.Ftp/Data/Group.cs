namespace CommuniGateFtp.Ftp.Data;

/// <summary>A Domain group; ACL entries grant rights to its members as <c>#group</c> (FS-ACL).</summary>
public sealed class Group
{
    public int Id { get; set; }

    public int DomainId { get; set; }

    public Domain Domain { get; set; } = null!;

    public required string Name { get; set; }

    public List<GroupMember> Members { get; set; } = [];
}
