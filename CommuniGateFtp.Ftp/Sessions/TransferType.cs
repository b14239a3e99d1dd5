namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>TYPE (RFC 959 3.1.1): ASCII converts line ends, Image sends bytes unchanged.</summary>
public enum TransferType
{
    Ascii,
    Image,
}
