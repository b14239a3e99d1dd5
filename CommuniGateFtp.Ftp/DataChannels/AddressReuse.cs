using System.Net.Sockets;

namespace CommuniGateFtp.Ftp.DataChannels;

/// <summary>
/// SO_REUSEADDR alone: a data socket may bind a port still in TIME_WAIT (thousands of transfers in a row would
/// otherwise run out of ports). Set by hand because .NET's <c>ReuseAddress</c> also sets SO_REUSEPORT on Linux, which
/// lets two sessions listen on the same passive port and the kernel hand one session's data connection to the other —
/// found by the 20-parallel-sessions test, and pinned by a unit test.
/// </summary>
public static class AddressReuse
{
    private const int SolSocket = 1;
    private const int SoReuseAddr = 2;

    public static void Allow(Socket socket)
    {
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
        }
    }
}
