namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// A data connection prepared by PASV/EPSV/LPSV or PORT/EPRT/LPRT (DATA-ONE), opened by the next transfer command.
/// Later variants (TLS, GSSAPI protection) wrap the stream it opens.
/// </summary>
public interface IDataChannel : IAsyncDisposable
{
    /// <summary>True for passive channels: the server replies 150 before it waits for the client (DATA-ORDER).</summary>
    bool IsPassive { get; }

    Task<Stream> OpenAsync(CancellationToken cancellationToken);
}
