using System.Globalization;
using System.Net;
using CommuniGateFtp.Bench.Ftp;

namespace CommuniGateFtp.Bench;

/// <summary>
/// The options after the subcommand, <c>--name value</c> or a bare <c>--flag</c>. Every option read is marked, so a
/// misspelt one is an error (<see cref="RejectUnused"/>) instead of a silently ignored default.
/// </summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public BenchArgs(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                Values(name);
            }
            else if (name is not null)
            {
                Values(name).Add(arg);
                name = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }
    }

    public string String(string name, string fallback) => All(name) is [.., var last] ? last : fallback;

    public int Int(string name, int fallback) => All(name) is [.., var last] ? int.Parse(last, CultureInfo.InvariantCulture) : fallback;

    public long Long(string name, long fallback) => All(name) is [.., var last] ? long.Parse(last, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => All(name) is [.., var last] ? double.Parse(last, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name)
    {
        _used.Add(name);
        return _values.ContainsKey(name);
    }

    /// <summary>Every value given for a repeatable option; a value may also list several, comma-separated.</summary>
    public IReadOnlyList<string> All(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var values) ? [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries))] : [];
    }

    /// <summary>The server to log in to: <c>--host</c> (loopback only), <c>--port</c>, <c>--user</c>, <c>--password</c>, <c>--tls</c>.</summary>
    public FtpServer Server()
    {
        var host = IPAddress.Parse(String("host", "127.0.0.1"));
        if (!IPAddress.IsLoopback(host))
        {
            // A load tool aimed at someone else's server is an attack; this one measures on loopback only.
            throw new ArgumentException($"--host {host} is not a loopback address");
        }
        // --server-pid belongs to the server's description (the script passes it always); only sampling scenarios use it.
        _used.Add("server-pid");
        return new FtpServer(new IPEndPoint(host, Int("port", 21)), String("user", "bench"), String("password", "bench"), Flag("tls"));
    }

    /// <summary>The label the result lines carry (<c>--label</c>), e.g. ours, vsftpd, pure-ftpd.</summary>
    public string Label => String("label", "server");

    /// <summary>The server's process ids (<c>--server-pid</c>, repeatable); their descendants are counted too.</summary>
    public IReadOnlyList<int> ServerPids => [.. All("server-pid").Select(p => int.Parse(p, CultureInfo.InvariantCulture))];

    public void RejectUnused()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}");
        }
    }

    private List<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : _values[name] = [];
}
