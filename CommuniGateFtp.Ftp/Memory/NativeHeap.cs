using System.Runtime.InteropServices;

namespace CommuniGateFtp.Ftp.Memory;

/// <summary>
/// The C heap that native code allocates from: OpenSSL's state for every TLS connection and handshake, the GSSAPI
/// library's. glibc's <c>malloc</c> keeps what they free in its arenas (one per thread that allocated, up to eight per
/// core) and gives back to the system only the top of each; <see cref="Trim"/> (<c>malloc_trim</c>) hands back every
/// free page in them. Where <c>malloc_trim</c> does not exist (musl, another OS) it does nothing.
/// </summary>
public static class NativeHeap
{
    /// <summary>Returns the C heap's free pages to the system; true when the C library could.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // not glibc
        }
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the whole project for one plain call.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
