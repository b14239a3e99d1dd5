namespace CommuniGateFtp.Ftp.Storage.Native;

/// <summary>
/// One entry's facts, times in UTC ticks as .NET's <see cref="DateTime"/> counts them. <paramref name="CreatedTicks"/> is
/// what .NET reports as the creation time where the file system gives no birth time: the earlier of the last write and
/// the last status change (the MLSx <c>unique</c> fact is made from it, and must match what a single item's look-up says).
/// </summary>
internal readonly record struct EntryFacts(EntryKind Kind, long Size, long ModifiedTicks, long CreatedTicks);
