namespace CommuniGateFtp.Ftp.Commands;

/// <summary>
/// Declares which verb a handler serves (login policy is the dispatcher's, from <see cref="KnownVerbs"/>). FEAT and HELP are
/// generated from these, so they never advertise what has no handler.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FtpCommandAttribute(string verb, params string[] aliases) : Attribute
{
    public string Verb { get; } = verb;

    /// <summary>Other verbs served by the same handler (e.g. XPWD for PWD, RFC 775).</summary>
    public IReadOnlyList<string> Aliases { get; } = aliases;

    /// <summary>The FEAT line this command adds, if any (RFC 2389).</summary>
    public string? Feature { get; init; }

    /// <summary>When the FEAT line is shown: always, or only while something it needs is loaded.</summary>
    public FeatureCondition Condition { get; init; }

    /// <summary>
    /// The command's syntax has a required argument (RFC 959 5.3.1 and the RFCs that add verbs): without one, or with
    /// only blanks, the dispatcher answers <c>501</c> before the handler runs.
    /// </summary>
    public bool ArgumentRequired { get; init; }
}

/// <summary>What a FEAT line depends on (CMD-FEAT-LIST).</summary>
public enum FeatureCondition
{
    Always,

    /// <summary>A TLS certificate is loaded or GSSAPI is usable: AUTH, PBSZ, PROT.</summary>
    SecurityMechanism,

    /// <summary>A certificate is loaded and the live setting <c>allowCcc</c> is on.</summary>
    CccAllowed,
}
