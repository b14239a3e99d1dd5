using System.Net;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>A passive data channel: a port of this node the client is told to connect to.</summary>
public interface IPassiveDataChannel : IDataChannel
{
    /// <summary>The local address and port the PASV/EPSV reply announces (before any WAN address replaces the address).</summary>
    IPEndPoint LocalEndPoint { get; }
}
