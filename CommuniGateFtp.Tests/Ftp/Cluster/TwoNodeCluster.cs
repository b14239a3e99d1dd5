using System.Net;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Cluster;

/// <summary>
/// Two Ftp nodes on one PostgreSQL database and one storage root, with the same FTP port number: node A in this process
/// on 127.0.0.1, node B a process of its own on 127.0.0.2 (so that a test can kill it with SIGKILL). Both have a TLS
/// certificate; five shared passive ports are on (<see cref="SharedPorts"/>), and 100 channels per node. Failed logins blacklist after 3, and only
/// loopback itself is a White Hole: offending tests use addresses of their own.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    public const string NodeA = "node-a";
    public const string NodeB = "node-b";

    private static readonly string Certificates = Directory.CreateTempSubdirectory("cgftp-cluster-tls-").FullName;
    private static readonly (string Certificate, string Key) Pem = TestCertificate.WritePem(Certificates);

    public NodeAFactory A { get; } = new();

    public FtpServiceProcess B { get; private set; } = null!;

    public IPEndPoint FtpA => new(IPAddress.Loopback, A.FtpPort);

    public IPEndPoint FtpB => B.FtpEndPoint;

    /// <summary>This cluster's five shared passive ports, <c>first-last</c>.</summary>
    public string SharedPorts => A.SharedPorts;

    public async ValueTask InitializeAsync()
    {
        await A.InitializeAsync();
        B = await FtpServiceProcess.StartNodeAsync(A.ConnectionString, A.StorageRoot, A.FtpPort, "127.0.0.2", NodeB,
            FtpServiceFactory.MainDomain, FtpServiceFactory.AdminPassword,
            new Dictionary<string, string> { ["Ftp__Tls__CertificatePath"] = Pem.Certificate, ["Ftp__Tls__KeyPath"] = Pem.Key });
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }

    /// <summary>Node A: the in-process service, bound to 127.0.0.1 only so that node B can take the same port on 127.0.0.2.</summary>
    public sealed class NodeAFactory : FtpServiceFactory
    {
        private readonly int _firstSharedPort = TestPorts.Block(5);

        public string SharedPorts => $"{_firstSharedPort}-{_firstSharedPort + 4}";

        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Ftp:ListenAddress", "127.0.0.1"), new("Ftp:NodeName", NodeA),
            new("Ftp:Tls:CertificatePath", Pem.Certificate), new("Ftp:Tls:KeyPath", Pem.Key),
        ];

        protected override FtpServerSettings InitialSettings => base.InitialSettings with
        {
            TempBlacklistFailures = 3,
            SharedPassivePorts = SharedPorts,
            Channels = 100, // 50 sessions at once, 25 on each node
        };
    }
}
