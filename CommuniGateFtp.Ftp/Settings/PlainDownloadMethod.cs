namespace CommuniGateFtp.Ftp.Settings;

/// <summary>How a binary download over a clear data connection is sent (<see cref="FtpOptions.PlainDownloads"/>).</summary>
public enum PlainDownloadMethod
{
    /// <summary>Large reads into a pooled 1 MiB buffer, each sent whole: the faster on the machines measured.</summary>
    ReadSend,

    /// <summary>The kernel sends from the page cache (<c>sendfile(2)</c>): no copy through user space.</summary>
    Sendfile,
}
