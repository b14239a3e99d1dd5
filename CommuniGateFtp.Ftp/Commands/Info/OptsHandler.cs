using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Storage.Listing;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>OPTS (RFC 2389): <c>UTF8 ON</c> (RFC 2640: always UTF-8) and <c>MLST facts;</c> (RFC 3659 7.9).</summary>
[FtpCommand("OPTS", Feature = "UTF8", ArgumentRequired = true)]
public sealed class OptsHandler : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var argument = context.Command.Argument.Trim();
        var space = argument.IndexOf(' ');
        var option = (space < 0 ? argument : argument[..space]).ToUpperInvariant();
        var value = space < 0 ? "" : argument[(space + 1)..].Trim();
        switch (option)
        {
            case "UTF8" or "UTF-8" when value.Length == 0 || value.Equals("ON", StringComparison.OrdinalIgnoreCase):
                return ValueTask.FromResult(new FtpReply(200, "Always in UTF8 mode"));
            case "HASH" when value.Length == 0 || value.Equals("SHA-256", StringComparison.OrdinalIgnoreCase):
                return ValueTask.FromResult(new FtpReply(200, "SHA-256"));
            case "HASH":
                return ValueTask.FromResult(new FtpReply(501, "Only SHA-256 is supported"));
            case "MLST":
                var facts = value.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(MlstFacts.All.Contains)
                    .Select(f => f.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
                context.Session.MlstFacts = facts;
                var list = string.Concat(MlstFacts.Ordered.Where(facts.Contains).Select(f => f + ";"));
                return ValueTask.FromResult(new FtpReply(200, $"MLST OPTS {list}"));
            default:
                return ValueTask.FromResult(new FtpReply(501, "Option not understood"));
        }
    }
}
