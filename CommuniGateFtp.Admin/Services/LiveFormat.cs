using System.Globalization;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Admin.Services;

/// <summary>How the live pages say rates, remaining times, durations and reply codes, the same on every page.</summary>
public static class LiveFormat
{
    /// <summary><c>0 B/s</c>, <c>512 KiB/s</c>, <c>1.5 MiB/s</c>.</summary>
    public static string Rate(double bytesPerSecond) => ByteSize.Format((long)Math.Round(Math.Max(bytesPerSecond, 0))) + "/s";

    /// <summary><c>42 s</c>, <c>3 min 05 s</c>, <c>2 h 07 min</c>; whole seconds, rounded up below a minute so "0 s" means done.</summary>
    public static string Duration(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            seconds = 0;
        }
        var whole = (long)Math.Round(seconds);
        return whole switch
        {
            < 60 => $"{whole} s",
            < 3600 => $"{whole / 60} min {whole % 60:00} s",
            < 86400 => $"{whole / 3600} h {whole / 60 % 60:00} min",
            _ => $"{whole / 86400} d {whole / 3600 % 24} h",
        };
    }

    /// <summary>The time left, or why there is none: the size is not known (an upload without ALLO) or nothing moves yet.</summary>
    public static string Eta(TransferResponse transfer) =>
        transfer.Size is null ? "no ETA: size unknown"
        : transfer.EtaSeconds is { } seconds ? Duration(Math.Ceiling(seconds)) + " left"
        : "no ETA: stalled";

    /// <summary>How far, 0–100, when the size is known.</summary>
    public static double? Percent(TransferResponse transfer) => transfer.Size switch
    {
        null => null,
        <= 0 => 100,
        { } size => Math.Min(100, transfer.Bytes * 100.0 / size),
    };

    /// <summary><c>12 MiB of 48 MiB (25%)</c>, or <c>12 MiB</c> when the size is unknown.</summary>
    public static string Progress(TransferResponse transfer) => transfer.Size is { } size
        ? $"{ByteSize.Format(transfer.Bytes)} of {ByteSize.Format(size)} ({Percent(transfer)!.Value.ToString("0", CultureInfo.InvariantCulture)}%)"
        : ByteSize.Format(transfer.Bytes);

    /// <summary>What a transfer's final reply code means to an operator.</summary>
    public static string Result(int replyCode) => replyCode switch
    {
        226 or 250 => "complete",
        421 => "session ended",
        425 => "no data connection",
        426 => "aborted or cut",
        450 or 550 => "file unavailable",
        451 => "local error",
        452 => "no space",
        552 => "quota exceeded",
        _ => "failed",
    };

    /// <summary>True for a transfer that completed.</summary>
    public static bool Succeeded(int replyCode) => replyCode is >= 200 and < 300;
}
