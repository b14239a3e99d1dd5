namespace CommuniGateFtp.Ftp.Storage.Access;

/// <summary>Who an ACL entry speaks of (FS-ACL).</summary>
public enum GranteeKind
{
    /// <summary><c>user@domain</c>, or <c>user</c> in the owner's Domain.</summary>
    Account,

    /// <summary><c>anyone</c>: every authenticated account.</summary>
    Anyone,

    /// <summary><c>anyone@</c>: accounts of the owner's Domain.</summary>
    AnyoneInOwnerDomain,

    /// <summary><c>anyone@domain</c>: accounts of that Domain.</summary>
    AnyoneInDomain,

    /// <summary><c>#group</c>: members of that group of the owner's Domain.</summary>
    Group,
}
