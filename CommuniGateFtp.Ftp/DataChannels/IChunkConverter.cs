namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>Converts a transfer's bytes chunk by chunk (TYPE A line ends), keeping state across chunk borders.</summary>
public interface IChunkConverter
{
    /// <summary>Writes the converted chunk to <paramref name="output"/> (at least twice the input's size) and returns its length.</summary>
    int Convert(ReadOnlySpan<byte> input, Span<byte> output);

    /// <summary>Writes what is held back at the end of the data; returns its length.</summary>
    int Flush(Span<byte> output);
}
