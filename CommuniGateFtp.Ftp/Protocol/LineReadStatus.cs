namespace CommuniGateFtp.Ftp.Protocol;

/// <summary>What <see cref="FtpLineReader.TryReadLine"/> found in the buffer.</summary>
public enum LineReadStatus
{
    /// <summary>No complete line yet: read more.</summary>
    NeedMoreData,

    /// <summary>A complete line, without its line end.</summary>
    Line,

    /// <summary>A line exceeded the limit (LIM-LINE): answer 500 once; its bytes up to the next LF are discarded.</summary>
    LineTooLong,
}
