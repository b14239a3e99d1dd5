using CommuniGateFtp.Ftp.Protocol;

namespace CommuniGateFtp.Ftp.Commands.Info;

/// <summary>HELP (RFC 959): the commands that have handlers, from their metadata.</summary>
[FtpCommand("HELP")]
public sealed class HelpHandler(IServiceProvider services) : IFtpCommandHandler
{
    public ValueTask<FtpReply> HandleAsync(FtpCommandContext context, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<CommandRegistry>();
        var verb = context.Command.Argument.Trim().ToUpperInvariant();
        if (verb.Length > 0)
        {
            return ValueTask.FromResult(registry.TryGet(verb, out _)
                ? new FtpReply(214, $"{verb} is supported")
                : new FtpReply(502, $"{verb} is not supported"));
        }
        var verbs = registry.Commands.SelectMany(c => c.Aliases.Prepend(c.Verb)).Order(StringComparer.Ordinal).ToList();
        var rows = verbs.Chunk(8).Select(row => " " + string.Join(' ', row.Select(v => v.PadRight(5))));
        return ValueTask.FromResult(new FtpReply(214, ["The following commands are recognized:", .. rows, "Help OK"]));
    }
}
