namespace CommuniGateFtp.Bench.Ftp;

/// <summary>One complete FTP reply: its code and all its text lines joined with LF.</summary>
public readonly record struct FtpReply(int Code, string Text)
{
    public bool IsPositivePreliminary => Code is >= 100 and < 200;

    public bool IsPositiveCompletion => Code is >= 200 and < 300;

    public override string ToString() => Text;
}
