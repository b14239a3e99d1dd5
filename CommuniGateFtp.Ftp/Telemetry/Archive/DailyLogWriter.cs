using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Telemetry.Live;

namespace CommuniGateFtp.Ftp.Telemetry.Archive;

/// <summary>
/// Writes the FTP log to daily files (<see cref="LogArchive"/>) off the sessions' path. It follows the log's live feed as
/// any reader does, with a backlog of its own (<see cref="Backlog"/> records): a session that logs never waits for the
/// disk, and a disk that stalls costs the oldest unwritten records, never memory or a session's time. Records are
/// written in batches (whatever arrived while the last batch was written: at most five batches a second while the log
/// is quiet, back to back under a flood) and flushed after each, so the API reads today's file up to the last second; a new UTC day (by the server's clock, which stamps
/// the records) starts a new file. Everything still waiting is written when the service stops.
/// When the folder cannot be written (missing rights, a full disk) one Failures record says so, the live log goes on,
/// and each later batch tries again; the first that succeeds says how many records were not written.
/// Retention (<c>logRetentionDays</c>) is applied at start, at each new day and when the setting changes.
/// </summary>
public sealed class DailyLogWriter(FtpLogBook log, LogArchive archive, LiveSettings settings, TimeProvider time,
    ILogger<DailyLogWriter> logger) : BackgroundService
{
    public const int Backlog = 20_000;

    // Wall time on purpose: batching is about the disk's pace, not the server's clock.
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan IdleWake = TimeSpan.FromMinutes(1);
    private const int BusyBatch = 1000;

    private readonly LiveSignal _signal = new();
    private readonly List<LiveChange<FtpLogRecord>> _changes = [];
    private readonly Lock _gate = new(); // the loop and the final flush at stop never write at once
    private LiveFollower<FtpLogRecord>? _follower;
    private IReadOnlyList<FtpLogRecord> _snapshot = [];
    private DailyLogFile? _file;
    private long _lost;
    private bool _failing;
    private bool _stopped;
    private (DateOnly Day, int Days)? _retained;

    /// <summary>Follows the log from here on, before the loop runs: what was logged before is the follower's snapshot.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _follower = log.Feed.Follow(_signal, capacity: Backlog);
        _snapshot = _follower.Snapshot;
        settings.Changed += OnSettingsChanged;
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int written;
                lock (_gate)
                {
                    ApplyRetentionWhenDue();
                    written = Drain();
                }
                if (written < BusyBatch) // under a flood the next batch is written at once, or the backlog would overflow
                {
                    await _signal.WaitAsync(IdleWake, stoppingToken);
                    await Task.Delay(BatchInterval, stoppingToken); // what arrives meanwhile joins this batch
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Ends the loop, then writes what is still waiting (the sessions' last records) and closes the file.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        settings.Changed -= OnSettingsChanged;
        lock (_gate)
        {
            Drain();
            _stopped = true;
            _file?.Dispose();
            _file = null;
            _follower?.Dispose();
        }
    }

    private void OnSettingsChanged(FtpServerSettings changed) => _signal.Set(); // a new retention applies now, not in a minute

    /// <summary>Writes what is waiting; returns how many records that was.</summary>
    private int Drain()
    {
        if (_stopped || _follower is null)
        {
            return 0;
        }
        _changes.Clear();
        _lost += _follower.TakeAll(_changes);
        IReadOnlyList<FtpLogRecord> batch = [.. _snapshot, .. _changes.Select(c => c.Item)];
        _snapshot = [];
        Write(batch);
        return batch.Count;
    }

    private void Write(IReadOnlyList<FtpLogRecord> records)
    {
        if (records.Count == 0)
        {
            return;
        }
        var written = 0;
        try
        {
            foreach (var record in records)
            {
                FileFor(DateOnly.FromDateTime(record.Time.UtcDateTime)).Write(record);
                written++;
            }
            _file!.Flush();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _lost += records.Count - written; // and perhaps some of the written ones, still in the buffer
            _file?.Dispose();
            _file = null;
            if (!_failing)
            {
                _failing = true;
                log.WriteServer(CgpLogLevel.Failures,
                    $"log files cannot be written in {archive.NodeFolder} ({ex.Message}); the live log goes on, records are not kept on disk until they can be");
            }
            return;
        }
        if (_lost > 0)
        {
            log.WriteServer(CgpLogLevel.Failures, _failing
                ? $"log files are written again in {archive.NodeFolder}; {_lost} records in between are not in them"
                : $"{_lost} records are not in the log file: writing it fell behind the log");
            _lost = 0;
        }
        _failing = false;
    }

    private DailyLogFile FileFor(DateOnly day)
    {
        if (_file?.Day != day)
        {
            _file?.Dispose();
            _file = null;
            _file = DailyLogFile.Open(archive, day);
        }
        return _file;
    }

    private void ApplyRetentionWhenDue()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var days = settings.Current.LogRetentionDays;
        if (_retained == (today, days))
        {
            return;
        }
        _retained = (today, days);
        if (_file?.Day < today)
        {
            _file.Dispose(); // yesterday's file is complete: let it go (retention may delete it)
            _file = null;
        }
        try
        {
            var deleted = LogRetention.Apply(archive.NodeFolder, today, days);
            if (deleted.Count > 0)
            {
                log.WriteServer(CgpLogLevel.LowLevel,
                    $"log files older than {days} days deleted: {deleted.Count}, {deleted[0]:yyyy-MM-dd} to {deleted[^1]:yyyy-MM-dd}");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Deleting log files older than {Days} days in {Folder} failed", days, archive.NodeFolder);
        }
    }
}
