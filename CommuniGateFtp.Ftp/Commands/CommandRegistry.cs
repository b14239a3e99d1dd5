using System.Reflection;

namespace CommuniGateFtp.Ftp.Commands;

/// <summary>Maps verbs (and aliases) to their handlers and metadata, built once from the handlers in DI.</summary>
public sealed class CommandRegistry
{
    private readonly Dictionary<string, RegisteredCommand> _byVerb = new(StringComparer.Ordinal);

    public CommandRegistry(IEnumerable<IFtpCommandHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            var metadata = handler.GetType().GetCustomAttribute<FtpCommandAttribute>()
                ?? throw new InvalidOperationException($"{handler.GetType().Name} lacks [FtpCommand].");
            var entry = new RegisteredCommand(metadata, handler);
            foreach (var verb in metadata.Aliases.Prepend(metadata.Verb))
            {
                if (!_byVerb.TryAdd(verb, entry))
                {
                    throw new InvalidOperationException($"Two handlers serve {verb}.");
                }
            }
        }
    }

    /// <summary>The handlers' metadata, each once, in verb order (for FEAT and HELP).</summary>
    public IEnumerable<FtpCommandAttribute> Commands =>
        _byVerb.Values.Select(e => e.Metadata).Distinct().OrderBy(m => m.Verb, StringComparer.Ordinal);

    public bool TryGet(string verb, out RegisteredCommand command) => _byVerb.TryGetValue(verb, out command!);
}

/// <summary>A handler with its metadata.</summary>
public sealed record RegisteredCommand(FtpCommandAttribute Metadata, IFtpCommandHandler Handler);
