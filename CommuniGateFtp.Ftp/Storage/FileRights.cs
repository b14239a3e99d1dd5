namespace CommuniGateFtp.Ftp.Storage;

/// <summary>The File Storage rights of FS-RIGHTS.</summary>
[Flags]
public enum FileRights
{
    None = 0,
    Lookup = 1,      // l
    Read = 2,        // r
    Write = 4,       // w
    Insert = 8,      // i
    Delete = 16,     // d
    Administer = 32, // a
    All = Lookup | Read | Write | Insert | Delete | Administer,
}
