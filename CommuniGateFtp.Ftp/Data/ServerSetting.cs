namespace CommuniGateFtp.Ftp.Data;

/// <summary>One stored server setting: a key and its JSON value, shared by every node.</summary>
public sealed class ServerSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
