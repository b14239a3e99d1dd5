namespace CommuniGateFtp.Bench.Ftp;

/// <summary>The server answered something the scenario did not accept; carries the command and the reply.</summary>
public sealed class FtpException(string message) : Exception(message)
{
    public static FtpException Unexpected(string command, FtpReply reply) => new($"{command} -> {reply.Text}");
}
