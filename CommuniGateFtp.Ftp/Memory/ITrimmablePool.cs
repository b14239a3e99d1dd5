namespace CommuniGateFtp.Ftp.Memory;

/// <summary>A pool that can let go of everything it keeps (<see cref="PoolTrimming"/>).</summary>
public interface ITrimmablePool
{
    void Trim();
}
