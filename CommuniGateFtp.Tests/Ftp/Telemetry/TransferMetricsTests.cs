using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CommuniGateFtp.Ftp.Telemetry;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Telemetry;

/// <summary>
/// The transfer metrics beside the session ones, as OpenTelemetry (and the Aspire dashboard) would read them. The
/// Meter is one per process and other test classes' servers run beside this one, so the checks are "at least".
/// </summary>
public sealed class TransferMetricsTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private const int FileSize = 3_000_017;

    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();
    private readonly string _work = Directory.CreateTempSubdirectory("cgftp-metrics-").FullName;

    public async ValueTask InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FtpTelemetry.Name && instrument.Name.StartsWith("ftp.transfer", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        await service.CreateFtpAccountAsync("metered", "metered-pass-1");
    }

    public ValueTask DisposeAsync()
    {
        _listener.Dispose();
        Directory.Delete(_work, recursive: true);
        return ValueTask.CompletedTask;
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));

    private double Sum(string instrument, string direction) =>
        _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("direction"), direction)).Sum(m => m.Value);

    [Fact]
    public async Task An_upload_and_a_download_are_counted_in_bytes_duration_and_active_transfers()
    {
        var file = TestFiles.Write(Path.Combine(_work, "up.bin"), FileSize);
        var url = $"ftp://127.0.0.1:{service.FtpPort}/metered.bin";
        var up = await ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "--user", "metered:metered-pass-1", "-T", file, url]);
        Assert.True(up.ExitCode == 0, up.ToString());
        var down = await ProcessRunner.RunAsync(RequiredTool.Find("curl"), ["-sS", "--user", "metered:metered-pass-1", "-o", Path.Combine(_work, "down.bin"), url]);
        Assert.True(down.ExitCode == 0, down.ToString());

        await Eventually.HoldsAsync(() =>
        {
            Assert.True(Sum("ftp.transfer.bytes", "receive") >= FileSize);
            Assert.True(Sum("ftp.transfer.bytes", "send") >= FileSize);
            Assert.Contains(_measurements, m => m.Instrument == "ftp.transfer.duration" && Equals(m.Tags["direction"], "receive") && Equals(m.Tags["protection"], "clear"));
            Assert.Contains(_measurements, m => m.Instrument == "ftp.transfer.duration" && Equals(m.Tags["direction"], "send"));
            Assert.Contains(_measurements, m => m.Instrument == "ftp.transfers.active" && m.Value == 1);
            Assert.Contains(_measurements, m => m.Instrument == "ftp.transfers.active" && m.Value == -1);
            return Task.CompletedTask;
        });
    }
}
