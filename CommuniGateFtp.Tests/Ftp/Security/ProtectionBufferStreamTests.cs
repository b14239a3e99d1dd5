using System.Buffers;
using System.Buffers.Binary;
using System.Net.Security;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Security.Gssapi;
using CommuniGateFtp.Tests.Ftp.EndToEnd;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Security;

/// <summary>
/// GSS-PROT at the stream: the blocks <see cref="ProtectionBufferStream"/> writes and reads, against a real context pair
/// of the shared realm (the service fixture registers the keytab the acceptor needs): even blocks within the buffer,
/// the end-of-data block, nothing read past it, and a failed send in the pipeline reported as the data connection's.
/// </summary>
public sealed class ProtectionBufferStreamTests(GssapiServiceFactory service) : IClassFixture<GssapiServiceFactory>
{
    private const int BufferSize = 1 << 20;

    [Fact]
    public async Task A_download_goes_out_as_even_blocks_within_the_buffer_then_the_end_block()
    {
        var (client, server) = await EstablishedAsync();
        using var _ = client;
        using var __ = server;
        var content = new byte[BufferSize + 300_000];
        Random.Shared.NextBytes(content);
        var wire = new MemoryStream();
        await using (var stream = new ProtectionBufferStream(wire, server, encrypt: true, BufferSize))
        {
            await stream.WriteAsync(content.AsMemory(0, BufferSize)); // one write the size of the buffer: two halves
            await stream.WriteAsync(content.AsMemory(BufferSize));
            await stream.FinishAsync(CancellationToken.None);
            Assert.Equal(wire.Length, wire.Position); // everything handed over once finished
        }

        var blocks = Unwrapped(client, wire.ToArray());
        Assert.Equal([BufferSize / 2, BufferSize / 2, 300_000, 0], blocks.Select(b => b.Length));
        Assert.True(content.AsSpan().SequenceEqual(blocks.SelectMany(b => b).ToArray()), "byte-exact");
    }

    [Fact]
    public async Task An_upload_ends_at_the_end_block_and_reads_nothing_after_it()
    {
        var (client, server) = await EstablishedAsync();
        using var _ = client;
        using var __ = server;
        var content = new byte[2_500_000];
        Random.Shared.NextBytes(content);
        var wire = new MemoryStream();
        foreach (var chunk in content.Chunk(BufferSize).Append([]))
        {
            Block(wire, client, chunk);
        }
        var afterEnd = wire.Length;
        wire.Write(new byte[100]); // not a block: read, it would fail the transfer
        wire.Position = 0;

        await using var stream = new ProtectionBufferStream(wire, server, encrypt: true, BufferSize);
        var received = new MemoryStream();
        await stream.CopyToAsync(received, 300_000);
        Assert.True(content.AsSpan().SequenceEqual(received.ToArray()), "byte-exact");
        Assert.Equal(afterEnd, wire.Position);
        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task A_send_that_fails_in_the_pipeline_is_reported_as_the_data_connections_failure()
    {
        var (client, server) = await EstablishedAsync();
        using var _ = client;
        using var __ = server;
        await using var stream = new ProtectionBufferStream(new FailingStream(), server, encrypt: false, BufferSize);
        var failure = await Assert.ThrowsAnyAsync<DataConnectionException>(async () =>
        {
            await stream.WriteAsync(new byte[BufferSize]); // the second half waits for the first, which failed
            await stream.FlushAsync();
        });
        Assert.Equal("connection reset", failure.Message);
    }

    // A client context (alice's ticket for ftp/localhost) and the server's, through the one ADAT round trip.
    private async Task<(NegotiateAuthentication Client, GssapiContext Server)> EstablishedAsync()
    {
        _ = service.Realm;
        await using (var ftp = await GssapiFtpClient.ConnectAsync(service.FtpPort))
        {
            Assert.StartsWith("235", await ftp.AuthenticateAsync()); // the service has registered its keytab in this process
        }
        var client = new NegotiateAuthentication(new NegotiateAuthenticationClientOptions
        {
            Package = "Kerberos",
            TargetName = "ftp/localhost",
            RequireMutualAuthentication = true,
            RequiredProtectionLevel = System.Net.Security.ProtectionLevel.EncryptAndSign,
        });
        var server = GssapiContext.Accept();
        var (reply, status) = server.Step(client.GetOutgoingBlob(ReadOnlySpan<byte>.Empty, out _));
        Assert.Equal(NegotiateAuthenticationStatusCode.Completed, status);
        client.GetOutgoingBlob(reply, out var clientStatus);
        Assert.Equal(NegotiateAuthenticationStatusCode.Completed, clientStatus);
        return (client, server);
    }

    private static List<byte[]> Unwrapped(NegotiateAuthentication client, byte[] wire)
    {
        var blocks = new List<byte[]>();
        for (var offset = 0; offset < wire.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(wire.AsSpan(offset));
            Assert.InRange(length, 1, BufferSize); // no token longer than PBSZ agreed
            var plain = new ArrayBufferWriter<byte>();
            Assert.Equal(NegotiateAuthenticationStatusCode.Completed, client.Unwrap(wire.AsSpan(offset + 4, length), plain, out _));
            blocks.Add(plain.WrittenSpan.ToArray());
            offset += 4 + length;
        }
        return blocks;
    }

    private static void Block(Stream wire, NegotiateAuthentication client, ReadOnlySpan<byte> plain)
    {
        var token = new ArrayBufferWriter<byte>();
        Assert.Equal(NegotiateAuthenticationStatusCode.Completed, client.Wrap(plain, token, true, out _));
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, token.WrittenCount);
        wire.Write(header);
        wire.Write(token.WrittenSpan);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new IOException("connection reset"));
    }
}
