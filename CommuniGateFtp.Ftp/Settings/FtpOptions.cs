using System.ComponentModel.DataAnnotations;

namespace CommuniGateFtp.Ftp.Settings;

/// <summary>
/// Engine options bound to the <c>Ftp</c> configuration section. Every default lives here and is listed in README.
/// Settings that operators change at run time (SET-*) live in the database instead (<see cref="FtpServerSettings"/>).
/// </summary>
public sealed class FtpOptions
{
    public const string SectionName = "Ftp";

    /// <summary>What a node name may be: it names folders (staging, log files), so no separators and no leading dot.</summary>
    public const string NodeNamePattern = @"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";

    /// <summary>
    /// The port of the start-up listener socket (8021), served while the live settings hold no Listener table
    /// (SET-LISTENER); 0 lets the system pick a free port.
    /// </summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 8021;

    /// <summary>Local address of the start-up listener socket: <c>*</c> for all addresses (dual-stack), or one IP.</summary>
    [Required]
    public string ListenAddress { get; set; } = "*";

    /// <summary>
    /// This node's name: its folder for staging files on a storage volume that several nodes share, and (for the live
    /// views) the node a session runs on. Letters, digits, '.', '-' and '_'; the machine's name when empty.
    /// </summary>
    [RegularExpression(NodeNamePattern)]
    public string? NodeName { get; set; }

    /// <summary>The name this node goes by: <see cref="NodeName"/>, else the machine's name.</summary>
    public string Node => string.IsNullOrWhiteSpace(NodeName) ? Environment.MachineName : NodeName;

    /// <summary>
    /// Cluster, shared passive ports: the port on which this node accepts data connections other nodes relay to it (on
    /// <see cref="ListenAddress"/>, reachable from the other nodes only); 0 lets the system pick one.
    /// </summary>
    [Range(0, 65535)]
    public int RelayPort { get; set; }

    /// <summary>
    /// The passive ports the deployment exposes (the AppHost's declared endpoints, e.g. <c>50000-50004</c>); empty: no
    /// restriction. When set, the settings API refuses passive ports outside them, and a new database starts with them
    /// as <c>sharedPassivePorts</c>.
    /// </summary>
    public string DeclaredPassivePorts { get; set; } = "";

    /// <summary>The host name in the <c>220</c> greeting; the machine's name when empty.</summary>
    public string? HostName { get; set; }

    /// <summary>The Main Domain created on an empty database; the machine's host name when empty (CGP).</summary>
    public string? MainDomain { get; set; }

    /// <summary>The password of <c>postmaster</c> when it is created on an empty database (AppHost: <c>admin-password</c>).</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Where account File Storage lives: <c>&lt;StorageRoot&gt;/&lt;domain&gt;/&lt;account&gt;/</c>.</summary>
    [Required]
    public string StorageRoot { get; set; } = "storage";

    /// <summary>
    /// Where the FTP log's daily files go, one folder per node: <c>&lt;LogDirectory&gt;/&lt;node&gt;/yyyy-MM-dd.log</c>.
    /// Empty: <c>&lt;StorageRoot&gt;/.logs</c>, on File Storage's volume (kept wherever storage is kept: the AppHost's
    /// <c>.data</c>, a container's mounted share) yet outside every account tree, as the staging folder is.
    /// </summary>
    public string? LogDirectory { get; set; }

    /// <summary>The log files' folder in force: <see cref="LogDirectory"/>, else <c>&lt;StorageRoot&gt;/.logs</c>.</summary>
    public string LogFolder => string.IsNullOrWhiteSpace(LogDirectory) ? Path.Combine(StorageRoot, ".logs") : LogDirectory;

    /// <summary>LIM-LINE: longest command line in bytes, CRLF included.</summary>
    [Range(512, 65536)]
    public int MaxLineLength { get; set; } = 4096;

    /// <summary>
    /// How a binary download over a clear data connection is sent: <c>ReadSend</c> (1 MiB reads, each sent whole; on the
    /// VMs measured 1.2–1.6× as fast as sendfile, docs/benchmarks.md) or <c>Sendfile</c> (no copy through
    /// user space: for machines where memory bandwidth, not the network path, is the limit). TLS, GSSAPI protection and
    /// TYPE A always read and send.
    /// </summary>
    [EnumDataType(typeof(PlainDownloadMethod))]
    public PlainDownloadMethod PlainDownloads { get; set; } = PlainDownloadMethod.ReadSend;

    /// <summary>
    /// Whether the code after an operation on the FTP sockets runs on the socket event thread that saw it rather than on
    /// the thread pool (<see cref="Hosting.InlineSocketCompletions"/>): fewer thread switches per command and per small
    /// file. PostgreSQL's sockets are never inline.
    /// </summary>
    public bool InlineSocketCompletions { get; set; } = true;

    /// <summary>SET-TLS: certificate and TLS policies.</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>SET-GSS: the Kerberos keytab for AUTH GSSAPI.</summary>
    public GssapiOptions Gssapi { get; set; } = new();
}
