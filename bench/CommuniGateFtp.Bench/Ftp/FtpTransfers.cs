using System.Buffers;
using System.Security.Cryptography;

namespace CommuniGateFtp.Bench.Ftp;

/// <summary>The transfers the scenarios run, on top of <see cref="FtpClient.TransferAsync"/>.</summary>
public static class FtpTransfers
{
    // Large reads and writes: the tool must not be what limits a 3 GB/s loopback transfer.
    private const int ChunkSize = 1 << 20;

    /// <summary>RETR into nowhere; the byte count, and the SHA-256 of the content when <paramref name="hash"/>.</summary>
    public static async Task<(long Bytes, byte[]? Sha256)> RetrAsync(this FtpClient client, string path, bool hash, CancellationToken cancellationToken)
    {
        long total = 0;
        using var digest = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var reply = await client.TransferAsync($"RETR {path}", async stream =>
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    digest?.AppendData(buffer, 0, read);
                }
            }, cancellationToken);
            return reply is null ? throw new FtpException($"RETR {path} refused") : (total, digest?.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Uploads <paramref name="content"/> with <paramref name="command"/> (STOR, APPE; after REST for a resume).</summary>
    public static async Task UploadAsync(this FtpClient client, string command, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var reply = await client.TransferAsync(command, async stream =>
        {
            for (var offset = 0; offset < content.Length; offset += ChunkSize)
            {
                await stream.WriteAsync(content.Slice(offset, Math.Min(ChunkSize, content.Length - offset)), cancellationToken);
            }
        }, cancellationToken);
        _ = reply ?? throw new FtpException($"{command} refused");
    }

    /// <summary>
    /// Uploads <paramref name="length"/> bytes made of <paramref name="pattern"/> repeated (big files without a big
    /// buffer); returns the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the last write, so that a scenario
    /// can tell the data phase from the wait for the final reply.
    /// </summary>
    public static async Task<long> UploadRepeatedAsync(this FtpClient client, string command, ReadOnlyMemory<byte> pattern, long length, CancellationToken cancellationToken)
    {
        long lastWrite = 0;
        var reply = await client.TransferAsync(command, async stream =>
        {
            for (long offset = 0; offset < length; offset += pattern.Length)
            {
                await stream.WriteAsync(pattern[..(int)Math.Min(pattern.Length, length - offset)], cancellationToken);
            }
            lastWrite = System.Diagnostics.Stopwatch.GetTimestamp();
        }, cancellationToken);
        _ = reply ?? throw new FtpException($"{command} refused");
        return lastWrite;
    }

    /// <summary>A listing's raw bytes (LIST, NLST, MLSD); null when the server does not have the verb.</summary>
    public static async Task<byte[]?> ListingAsync(this FtpClient client, string command, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var reply = await client.TransferAsync(command, stream => stream.CopyToAsync(received, 1 << 18, cancellationToken), cancellationToken);
        return reply is null ? null : received.ToArray();
    }

    /// <summary>The size the server reports (SIZE, RFC 3659), to check a big upload arrived whole.</summary>
    public static async Task<long> SizeAsync(this FtpClient client, string path, CancellationToken cancellationToken)
    {
        var reply = await client.ExpectAsync($"SIZE {path}", 213, cancellationToken);
        return long.Parse(reply.Text.AsSpan(4).Trim());
    }
}
