using System.Security.Cryptography;
using System.Text;
using CommuniGateFtp.Bench.Ftp;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>
/// One soak session: in a directory of its own it loops over a seeded random mix of STOR, RETR, LIST, DELE and a
/// resumed STOR (a first part, then REST + STOR of the rest), and checks every answer against what it knows it
/// stored: RETR's SHA-256, LIST's names. The first failure ends the session (and the run fails).
/// </summary>
internal sealed class SoakWorker(FtpServer server, int index, int sessions, int seed, int maxFileBytes, TimeSpan opTimeout, SoakCounters counters)
{
    private const int MaxFiles = 8;
    private readonly Random _random = new(HashCode.Combine(seed, index));
    private readonly Dictionary<string, byte[]> _files = [];
    private int _next;

    public string Directory { get; } = $"soak-{seed}-{index}";

    /// <summary>Runs until <paramref name="until"/>; <paramref name="rampDone"/> runs when the last session has logged in.</summary>
    public async Task RunAsync(DateTimeOffset until, TimeSpan pause, SemaphoreSlim logins, Action rampDone, CancellationToken cancellationToken)
    {
        FtpClient? client = null;
        try
        {
            await logins.WaitAsync(cancellationToken);
            try
            {
                client = await Step(ct => FtpClient.LoginAsync(server, ct), cancellationToken);
            }
            finally
            {
                logins.Release();
            }
            if (counters.LoggedIn(sessions))
            {
                rampDone();
            }
            await Step(ct => client.ExpectAsync($"MKD {Directory}", 257, ct), cancellationToken);
            await Step(ct => client.ExpectAsync($"CWD {Directory}", 250, ct), cancellationToken);
            while (DateTimeOffset.UtcNow < until && !cancellationToken.IsCancellationRequested)
            {
                await Step(ct => OneOperationAsync(client, ct), cancellationToken);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, cancellationToken);
                }
            }
            foreach (var name in _files.Keys)
            {
                await Step(ct => client.ExpectAsync($"DELE {name}", 250, ct), cancellationToken);
            }
            await Step(ct => client.ExpectAsync("CWD ..", 250, ct), cancellationToken);
            await Step(ct => client.ExpectAsync($"RMD {Directory}", 250, ct), cancellationToken);
            await client.QuitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            counters.Fail($"session {index}: {e.GetType().Name}: {e.Message}");
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Every step has a deadline: a server that stops answering is an error, not a hung soak.</summary>
    private async Task<T> Step<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(opTimeout);
        return await step(deadline.Token);
    }

    private async Task<bool> OneOperationAsync(FtpClient client, CancellationToken ct)
    {
        var roll = _random.Next(100);
        if (_files.Count == 0 || (roll < 30 && _files.Count < MaxFiles))
        {
            await StoreAsync(client, ct);
        }
        else if (roll < 40 && _files.Count < MaxFiles)
        {
            await ResumedStoreAsync(client, ct);
        }
        else if (roll < 70)
        {
            await RetrieveAsync(client, Pick(), ct);
        }
        else if (roll < 85)
        {
            await ListAsync(client, ct);
        }
        else
        {
            var name = Pick();
            await client.ExpectAsync($"DELE {name}", 250, ct);
            _files.Remove(name);
            counters.Count("DELE", 0);
        }
        return true;
    }

    private async Task StoreAsync(FtpClient client, CancellationToken ct)
    {
        var (name, content) = NewFile();
        await client.UploadAsync($"STOR {name}", content, ct);
        _files[name] = SHA256.HashData(content);
        counters.Count("STOR", content.Length);
    }

    private async Task ResumedStoreAsync(FtpClient client, CancellationToken ct)
    {
        var (name, content) = NewFile();
        var split = _random.Next(content.Length + 1);
        await client.UploadAsync($"STOR {name}", content.AsMemory(0, split), ct);
        await client.ExpectAsync($"REST {split}", 350, ct);
        await client.UploadAsync($"STOR {name}", content.AsMemory(split), ct);
        _files[name] = SHA256.HashData(content);
        counters.Count("REST-STOR", content.Length);
        await RetrieveAsync(client, name, ct);
    }

    private async Task RetrieveAsync(FtpClient client, string name, CancellationToken ct)
    {
        var (bytes, hash) = await client.RetrAsync(name, hash: true, ct);
        if (!hash!.AsSpan().SequenceEqual(_files[name]))
        {
            throw new FtpException($"RETR {name}: {bytes} bytes that differ from what was stored");
        }
        counters.Count("RETR", bytes);
    }

    private async Task ListAsync(FtpClient client, CancellationToken ct)
    {
        var listing = await client.ListingAsync("LIST", ct) ?? throw new FtpException("LIST refused");
        var names = Encoding.UTF8.GetString(listing).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("total ", StringComparison.Ordinal))
            .Select(l => l[(l.LastIndexOf(' ') + 1)..])
            .ToHashSet(StringComparer.Ordinal);
        if (!names.SetEquals(_files.Keys))
        {
            throw new FtpException($"LIST shows [{string.Join(' ', names.Order())}], expected [{string.Join(' ', _files.Keys.Order())}]");
        }
        counters.Count("LIST", listing.Length);
    }

    private (string Name, byte[] Content) NewFile()
    {
        // Mostly small files with the odd large one, as real traffic is.
        var size = _random.Next(8) == 0 ? _random.Next(maxFileBytes + 1) : _random.Next(Math.Min(16384, maxFileBytes) + 1);
        var content = new byte[size];
        _random.NextBytes(content);
        return ($"f{_next++}.bin", content);
    }

    private string Pick() => _files.Keys.ElementAt(_random.Next(_files.Count));
}
