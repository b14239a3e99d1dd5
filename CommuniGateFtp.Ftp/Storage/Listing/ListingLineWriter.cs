namespace CommuniGateFtp.Ftp.Storage.Listing;

/// <summary>Writes one listing line (without its line end) as UTF-8 into <paramref name="destination"/>; false when it does not fit.</summary>
public delegate bool ListingLineWriter<in T>(T item, Span<byte> destination, out int written);
