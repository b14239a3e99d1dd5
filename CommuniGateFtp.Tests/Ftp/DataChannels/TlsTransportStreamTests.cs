using CommuniGateFtp.Ftp.DataChannels;

namespace CommuniGateFtp.Tests.Ftp.DataChannels;

/// <summary>
/// The stream under a data connection's TLS: records are read from one receive, records of a download gather into
/// large sends that go out at a flush, disposing sends nothing, and a failed send is a data-connection failure (426).
/// </summary>
public sealed class TlsTransportStreamTests
{
    [Fact]
    public async Task Records_that_arrived_together_are_served_from_one_receive()
    {
        var inner = new RecordingStream(Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray());
        await using var transport = new TlsTransportStream(inner);
        var read = new List<byte>();
        var piece = new byte[100];
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(0, await transport.ReadAsync(Memory<byte>.Empty)); // SslStream's wait for data
            Assert.Equal(100, await transport.ReadAsync(piece));
            read.AddRange(piece);
        }

        Assert.Equal(inner.Source, read);
        Assert.Equal(1, inner.Receives);
        Assert.Equal(0, await transport.ReadAsync(piece)); // the end of the data
    }

    [Fact]
    public async Task Before_GatherWrites_every_write_goes_out_at_once()
    {
        var inner = new RecordingStream();
        await using var transport = new TlsTransportStream(inner);

        await transport.WriteAsync(new byte[300]);
        await transport.WriteAsync(new byte[200]);

        Assert.Equal([300, 200], inner.Sends);
    }

    [Fact]
    public async Task Gathered_records_go_out_in_large_sends_and_the_rest_at_the_flush()
    {
        var inner = new RecordingStream();
        await using var transport = new TlsTransportStream(inner);
        transport.GatherWrites();
        var records = Enumerable.Range(0, 40).Select(i => Enumerable.Repeat((byte)i, 16_413).ToArray()).ToList();

        foreach (var record in records)
        {
            await transport.WriteAsync(record);
        }
        var beforeFlush = inner.Sends.Sum();
        await transport.FlushAsync();

        Assert.Equal(records.SelectMany(r => r), inner.Written.ToArray());
        Assert.All(inner.Sends, size => Assert.True(size <= TlsTransportStream.BufferSize));
        Assert.Equal(3, inner.Sends.Count); // 656,520 bytes: two full sends, the rest at the flush
        Assert.True(beforeFlush < records.Sum(r => r.Length), "some bytes wait for the flush");
    }

    [Fact]
    public async Task A_write_larger_than_the_buffer_goes_out_whole_after_what_was_gathered()
    {
        var inner = new RecordingStream();
        await using var transport = new TlsTransportStream(inner);
        transport.GatherWrites();
        var small = Enumerable.Repeat((byte)1, 1000).ToArray();
        var large = Enumerable.Repeat((byte)2, TlsTransportStream.BufferSize * 2).ToArray();

        await transport.WriteAsync(small);
        await transport.WriteAsync(large);
        await transport.FlushAsync();

        Assert.Equal(small.Concat(large), inner.Written.ToArray());
    }

    [Fact]
    public async Task Disposing_sends_nothing_that_was_gathered()
    {
        var inner = new RecordingStream();
        var transport = new TlsTransportStream(inner);
        transport.GatherWrites();

        await transport.WriteAsync(new byte[1000]);
        await transport.DisposeAsync();

        Assert.Empty(inner.Sends);
        Assert.True(inner.Disposed);
    }

    [Fact]
    public async Task A_failed_send_is_a_data_connection_failure()
    {
        var inner = new RecordingStream { FailSends = true };
        await using var transport = new TlsTransportStream(inner);
        transport.GatherWrites();
        await transport.WriteAsync(new byte[1000]);

        var failure = await Assert.ThrowsAsync<DataConnectionException>(() => transport.FlushAsync());

        Assert.IsType<IOException>(failure.InnerException);
    }

    private sealed class RecordingStream(byte[]? source = null) : Stream
    {
        private int _position;

        public byte[] Source { get; } = source ?? [];
        public int Receives { get; private set; }
        public List<int> Sends { get; } = [];
        public MemoryStream Written { get; } = new();
        public bool FailSends { get; init; }
        public bool Disposed { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length > 0)
            {
                Receives++;
            }
            var count = Math.Min(buffer.Length, Source.Length - _position);
            Source.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return ValueTask.FromResult(count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (FailSends)
            {
                throw new IOException("connection reset by peer");
            }
            Sends.Add(buffer.Length);
            Written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }

        public override bool CanRead => true;
        public override bool CanWrite => true;
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
