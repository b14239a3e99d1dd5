namespace CommuniGateFtp.Ftp.Security;

/// <summary>The data channel protection level set by PROT (RFC 2228 3): Clear, Safe, Confidential, Private.</summary>
public enum DataProtectionLevel
{
    Clear,
    Safe,
    Confidential,
    Private,
}

/// <summary>PROT's one-letter codes.</summary>
public static class DataProtectionLevels
{
    /// <summary>The level a PROT argument names (<c>C</c>, <c>S</c>, <c>E</c>, <c>P</c>, any case), or null.</summary>
    public static DataProtectionLevel? Parse(string argument) => argument.Trim().ToUpperInvariant() switch
    {
        "C" => DataProtectionLevel.Clear,
        "S" => DataProtectionLevel.Safe,
        "E" => DataProtectionLevel.Confidential,
        "P" => DataProtectionLevel.Private,
        _ => null,
    };
}
