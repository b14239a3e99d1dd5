namespace CommuniGateFtp.Ftp.Storage;

/// <summary>Usage changes of accounts booked in memory and not yet written to the database, per account (FS-QUOTA).</summary>
public sealed class PendingUsage
{
    private readonly Dictionary<int, (long Bytes, long Files)> _changes = [];

    public bool IsEmpty
    {
        get
        {
            lock (_changes)
            {
                return _changes.Count == 0;
            }
        }
    }

    public void Add(int accountId, long bytes, long files)
    {
        lock (_changes)
        {
            var (b, f) = _changes.GetValueOrDefault(accountId);
            (b, f) = (b + bytes, f + files);
            if (b == 0 && f == 0)
            {
                _changes.Remove(accountId);
            }
            else
            {
                _changes[accountId] = (b, f);
            }
        }
    }

    /// <summary>Takes one account's change out (its writer puts it back if the write fails).</summary>
    public (long Bytes, long Files) Take(int accountId)
    {
        lock (_changes)
        {
            return _changes.Remove(accountId, out var change) ? change : (0, 0);
        }
    }

    /// <summary>Takes every account's change out.</summary>
    public List<(int AccountId, long Bytes, long Files)> TakeAll()
    {
        lock (_changes)
        {
            var all = _changes.Select(c => (c.Key, c.Value.Bytes, c.Value.Files)).ToList();
            _changes.Clear();
            return all;
        }
    }
}
