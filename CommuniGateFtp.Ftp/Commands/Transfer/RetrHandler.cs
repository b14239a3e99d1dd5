using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// RETR (RFC 959): sends a file from the REST offset: binary over a plain connection with sendfile, TYPE A turning LF
/// into CRLF (DATA-ASCII), and protected channels (later) through their streams.
/// </summary>
[FtpCommand("RETR", ArgumentRequired = true)]
public sealed class RetrHandler(TransferRunner transfers) : IFtpCommandHandler
{
    public async ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var offset = session.TakeRestartOffset();
        var (location, file) = await session.RequireFiles().ReadableFileAsync(PathArgument.Existing(context), cancellationToken);
        var ascii = session.TransferType == TransferType.Ascii;
        if (offset > 0 && ascii)
        {
            return new FtpReply(550, "REST is not supported in ASCII mode"); // CMD-REST-RULE (chosen)
        }
        if (offset > file.Size)
        {
            return new FtpReply(554, $"REST offset {offset} is beyond the file's size {file.Size}");
        }
        var fullPath = location.FullPath;
        return transfers.Start(session, "RETR", location.Path.ToString(), TransferDirection.Send,
            $"Opening {(ascii ? "ASCII" : "BINARY")} mode data connection for {file.Name} ({file.Size} bytes)",
            async (network, transfer, stall, ct) =>
            {
                await using var source = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                    bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
                if (!ascii && network is System.Net.Sockets.NetworkStream { Socket: var socket })
                {
                    // Plain binary data: no byte needs to pass through user space.
                    await ZeroCopySender.SendAsync(socket, source, offset, transfer, stall, ct);
                    return;
                }
                source.Seek(offset, SeekOrigin.Begin);
                await TransferCopy.CopyAsync(source, false, network, transfer, stall, ct, ascii ? AsciiConverters.ToNetwork() : null);
            }, cancellationToken, size: file.Size - offset);
    }
}
