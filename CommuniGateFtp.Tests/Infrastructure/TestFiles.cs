using System.Security.Cryptography;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>Random test files and byte-exact comparison of files and trees.</summary>
public static class TestFiles
{
    public static string Write(string path, int size)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Relative path → hash of every file under <paramref name="root"/>.</summary>
    public static SortedDictionary<string, string> Tree(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), Hash), StringComparer.Ordinal);
}
