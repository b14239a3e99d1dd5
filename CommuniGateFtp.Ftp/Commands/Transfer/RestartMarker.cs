using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>
/// CMD-REST-RULE in one place. Every transfer command (RETR STOR APPE STOU LIST NLST MLSD) takes the REST marker, so it
/// applies to the one command after it (and ALLO with it); APPE, STOU and the listings ignore it (CMD-APPE). RETR starts
/// sending at the offset, STOR keeps the bytes before it and writes from there.
/// </summary>
public readonly record struct RestartMarker(long Offset)
{
    /// <summary>Takes (and so clears) the session's marker; call first, before anything can fail.</summary>
    public static RestartMarker Take(FtpSession session) => new(session.TakeRestartOffset());

    /// <summary>
    /// RETR and STOR in TYPE A with an offset: <c>550</c> (chosen: the offset counts bytes on disk, the client counts
    /// converted ones); null when the marker may be used.
    /// </summary>
    public FtpReply? RefusalIn(TransferType type) =>
        Offset > 0 && type == TransferType.Ascii ? new FtpReply(550, "REST is not supported in ASCII mode") : null;

    /// <summary>
    /// <c>554</c> when the offset lies beyond <paramref name="size"/>: the file RETR reads, or the one STOR resumes
    /// (0 when there is none yet).
    /// </summary>
    public void RequireWithin(long size)
    {
        if (Offset > size)
        {
            throw new StorageException(554, $"REST offset {Offset} is beyond the file's size {size}");
        }
    }
}
