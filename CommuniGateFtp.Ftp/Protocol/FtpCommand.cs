namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>
/// One parsed command line: the verb in upper case and the argument (the rest of the line after one space).
/// <see cref="ArgumentIsInvalid"/> marks an argument that was not valid UTF-8 or held NUL (LIM-ENCODING).
/// </summary>
public sealed record FtpCommand(string Verb, string Argument, bool ArgumentIsInvalid = false)
{
    public bool HasArgument => Argument.Length > 0;

    /// <summary>The command as it may be logged or traced: secrets masked at every level (LOG-MASK, SEC-SECRETS).</summary>
    public string ToLogString() => Verb switch
    {
        "PASS" => "PASS ***",
        "ADAT" or "MIC" or "ENC" or "CONF" => $"{Verb} <{Argument.Length} bytes>",
        _ when HasArgument => $"{Verb} {Argument}",
        _ => Verb,
    };

    public override string ToString() => ToLogString();
}
