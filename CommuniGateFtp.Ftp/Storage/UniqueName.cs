using System.Globalization;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>STOU's name choice (RFC 1123 4.1.2.9): the base name, else <c>base.1</c>, <c>base.2</c> … free in a directory.</summary>
public static class UniqueName
{
    private const int Candidates = 10_000;

    /// <summary>
    /// The first candidate that names nothing in <paramref name="directory"/>, not even an item listings hide (a link);
    /// null when all are taken.
    /// </summary>
    public static string? In(StorageLocation directory, string baseName) =>
        Enumerable.Range(0, Candidates)
            .Select(i => i == 0 ? baseName : string.Create(CultureInfo.InvariantCulture, $"{baseName}.{i}"))
            .FirstOrDefault(candidate =>
            {
                var path = directory.Inner.Append(candidate);
                return directory.Area.Find(path) is null && !Path.Exists(directory.Area.FullPath(path));
            });
}
