namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// A transfer command's description of its data phase, handed to the <see cref="TransferEngine"/>: the command and path
/// for the logs and the live view, the <c>150</c> text, and what moves.
/// </summary>
public sealed record TransferRequest(string Command, string Path, string OpeningText, TransferContent Content);
