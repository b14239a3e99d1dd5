namespace CommuniGateFtp.Ftp.Listeners;

/// <summary>
/// An <see cref="IpAddressList"/> parsed once per distinct text, for lists read from the live settings on every
/// accepted connection or command (blacklist, socket restrictions, LAN list). Safe to share between threads.
/// </summary>
public sealed class AddressListCache
{
    private sealed record Entry(string Source, IpAddressList List);

    private volatile Entry _entry = new("", IpAddressList.Empty);

    /// <summary>The parsed list. Lists are validated when saved; one that no longer parses is empty (it matches nobody).</summary>
    public IpAddressList Get(string source)
    {
        var entry = _entry;
        if (!string.Equals(entry.Source, source, StringComparison.Ordinal))
        {
            entry = new Entry(source, IpAddressList.TryParse(source, out var list, out _) ? list : IpAddressList.Empty);
            _entry = entry;
        }
        return entry.List;
    }
}
