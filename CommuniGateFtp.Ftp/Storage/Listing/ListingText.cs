using System.Text;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>Turns a listing formatter that writes UTF-8 into the string STAT and MLST replies need.</summary>
internal static class ListingText
{
    private const int FirstTry = 512;

    public delegate bool TryFormatLine<in TArg>(StorageEntry entry, TArg arg, Span<byte> destination, out int written);

    /// <summary>Formats into a pooled buffer, a larger one until it fits (a name may be 255 bytes, an owner long).</summary>
    public static string ToText<TArg>(StorageEntry entry, TArg arg, TryFormatLine<TArg> format)
    {
        for (var size = FirstTry; ; size *= 4)
        {
            var buffer = TrimmableArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (format(entry, arg, buffer, out var written))
                {
                    return Encoding.UTF8.GetString(buffer, 0, written);
                }
            }
            finally
            {
                TrimmableArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
