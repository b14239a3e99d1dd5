namespace CommuniGateFtp.Ftp.Sessions;

/// <summary>Which way a transfer's bytes go, seen from the server.</summary>
public enum TransferDirection
{
    Send,
    Receive,
}
