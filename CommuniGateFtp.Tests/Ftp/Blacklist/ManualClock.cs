namespace CommuniGateFtp.Tests.Ftp.Blacklist;

/// <summary>A clock that moves only when the test moves it.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
