using System.Runtime.InteropServices;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// The names in a directory, links left out (SEC-TRAVERSAL), from the directory entries alone: on 64-bit Linux the entry
/// type that <c>readdir</c> returns tells a link apart, where .NET's enumeration asks <c>lstat</c> (and <c>geteuid</c>)
/// for every entry to learn it. NLST of 20,000 names then makes no system call per name. Null where this is not
/// available (another system, or a file system that does not report types): the caller enumerates the portable way.
/// </summary>
internal static class DirectoryNames
{
    private const byte TypeUnknown = 0; // DT_UNKNOWN: the file system does not say
    private const byte TypeLink = 10;   // DT_LNK
    private const int TypeOffset = 18;  // struct dirent on 64-bit Linux (glibc and musl): d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name
    private const int NameOffset = 19;

    public static List<string>? TryRead(string directory)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }
        var handle = OpenDirectory(directory);
        if (handle == IntPtr.Zero)
        {
            return null; // the portable enumeration reports why
        }
        try
        {
            var names = new List<string>();
            for (var entry = ReadDirectory(handle); entry != IntPtr.Zero; entry = ReadDirectory(handle))
            {
                var type = Marshal.ReadByte(entry, TypeOffset);
                if (type == TypeUnknown)
                {
                    return null;
                }
                var name = Marshal.PtrToStringUTF8(entry + NameOffset)!;
                if (type != TypeLink && name is not ("." or ".."))
                {
                    names.Add(name);
                }
            }
            return names;
        }
        finally
        {
            _ = CloseDirectory(handle);
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the whole project for three plain calls.
    [DllImport("libc", EntryPoint = "opendir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr OpenDirectory([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [DllImport("libc", EntryPoint = "readdir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr ReadDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int CloseDirectory(IntPtr directory);
}
