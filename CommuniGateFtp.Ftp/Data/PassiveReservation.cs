namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// A pending PASV in the shared-passive-port mode: shared port <see cref="Port"/> is held for client
/// <see cref="ClientAddress"/> by a session of node run <see cref="NodeNumber"/>, until the data connection arrives or
/// <see cref="ExpiresAt"/>. The key makes it impossible for two pending reservations of one address to share a port.
/// </summary>
public sealed class PassiveReservation
{
    /// <summary>The client's address as text (IPv4-mapped addresses as IPv4).</summary>
    public required string ClientAddress { get; set; }

    public int Port { get; set; }

    public long NodeNumber { get; set; }

    /// <summary>What a relaying node sends first, so the session's node knows which reservation the relayed bytes are for.</summary>
    public Guid Token { get; set; }

    /// <summary>Where the session's node accepts relayed data connections (<c>address:port</c> on the internal network), or null.</summary>
    public string? RelayEndPoint { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
