using System.Runtime.InteropServices;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Tests.Ftp.Memory;

public sealed class NativeHeapTests
{
    [Fact]
    public void Pages_freed_between_live_blocks_of_the_c_heap_go_back_to_the_system()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "malloc_trim is glibc's");
        // Every other 16 KiB block freed: whole free pages between live ones, which free() itself never returns.
        var blocks = Enumerable.Range(0, 2_000).Select(_ => Marshal.AllocHGlobal(16 << 10)).ToArray();
        try
        {
            for (var i = 0; i < blocks.Length; i += 2)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }

            Assert.True(NativeHeap.Trim());
        }
        finally
        {
            for (var i = 1; i < blocks.Length; i += 2)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        }
    }
}
