namespace CommuniGateFtp.Ftp.Security;

/// <summary>
/// The security layer of one session in one place (RFC 2228, RFC 4217): the mechanism, what protects the control
/// connection now, the protection buffer size and the data protection level. Handlers change it through its methods;
/// the dispatcher's <see cref="Commands.SecurityPolicy"/> reads it, the session loop applies <see cref="PendingSwitch"/>,
/// and the data channel protection reads the level once per data connection.
/// </summary>
public sealed class SessionSecurity : IDisposable
{
    /// <summary>GSS-PBSZ: the largest protection buffer this server keeps (curl asks for exactly this).</summary>
    public const int MaxGssapiBufferSize = 1 << 20;

    /// <summary>The mechanism chosen by AUTH (or an implicit-TLS socket); stays after CCC, whose data protection stays too.</summary>
    public SecurityMechanism Mechanism { get; private set; }

    /// <summary>The AUTH argument the client gave (<c>TLS</c>, <c>SSL</c>, ...), or null (implicit TLS, or none).</summary>
    public string? AuthName { get; private set; }

    /// <summary>The TLS protecting the control connection now, or null.</summary>
    public ControlTls? Tls { get; private set; }

    /// <summary>The GSSAPI context since AUTH GSSAPI (established once ADAT answered 235), or null.</summary>
    public Gssapi.GssapiContext? Gssapi { get; private set; }

    /// <summary>The client's Kerberos principal once a GSSAPI exchange completed (GSS-USER), else null.</summary>
    public string? Principal => Gssapi is { IsEstablished: true } context ? context.Principal : null;

    /// <summary>True while the control connection is protected (TLS-POLICY: what may carry USER and PASS).</summary>
    public bool ControlIsProtected => Tls is not null || Gssapi is { IsEstablished: true };

    /// <summary>RFC 2228: the security data exchange is complete, so PBSZ, PROT and CCC apply.</summary>
    public bool ExchangeComplete => ControlIsProtected;

    /// <summary>GSS-CMD: after the GSSAPI exchange every command must arrive as MIC or ENC.</summary>
    public bool CommandsMustBeProtected => Gssapi is { IsEstablished: true };

    /// <summary>
    /// How the command being served arrived: Clear, Safe (MIC), Confidential (CONF) or Private (ENC). Replies are
    /// protected the same way (631, 633, 632; RFC 2228 4) as long as the GSSAPI context protects the control connection.
    /// </summary>
    public DataProtectionLevel CommandProtection { get; set; }

    /// <summary>The protection buffer size PBSZ set (RFC 2228; TLS: always 0), or null before PBSZ.</summary>
    public int? BufferSize { get; private set; }

    /// <summary>The data protection level (PROT).</summary>
    public DataProtectionLevel DataProtection { get; private set; }

    /// <summary>The control connection change waiting for the current reply to go out.</summary>
    public ControlSwitch PendingSwitch { get; private set; }

    /// <summary>
    /// AUTH TLS (TLS-AUTH): TLS starts after the reply. <c>SSL</c> and <c>TLS-P</c> also make data private, as if PBSZ 0
    /// and PROT P had been given (TLS-LEGACY, ProFTPD's reading of the legacy names).
    /// </summary>
    public void RequestTls(string mechanism)
    {
        AbandonGssapi(); // a GSSAPI exchange left half-done gives way
        Mechanism = SecurityMechanism.Tls;
        AuthName = mechanism;
        PendingSwitch = ControlSwitch.StartTls;
        if (mechanism is "SSL" or "TLS-P")
        {
            BufferSize = 0;
            DataProtection = DataProtectionLevel.Private;
        }
    }

    /// <summary>CCC (TLS-CCC): the control connection goes clear after the reply.</summary>
    public void RequestClearControl() => PendingSwitch = ControlSwitch.StopTls;

    /// <summary>The pending switch, once.</summary>
    public ControlSwitch TakeSwitch()
    {
        var pending = PendingSwitch;
        PendingSwitch = ControlSwitch.None;
        return pending;
    }

    /// <summary>TLS now protects the control connection. An implicit-TLS socket's sessions start with PROT P (TLS-IMPLICIT).</summary>
    public void TlsStarted(ControlTls tls, bool implicitTls)
    {
        Mechanism = SecurityMechanism.Tls;
        Tls = tls;
        if (implicitTls)
        {
            DataProtection = DataProtectionLevel.Private;
        }
    }

    /// <summary>CCC done: the control connection is clear again; data protection stays as it was (TLS-CCC).</summary>
    public void TlsStopped() => Tls = null;

    /// <summary>
    /// AUTH GSSAPI (GSS-AUTH): a new context for the ADAT exchange, in place of any earlier one (curl asks again for
    /// <c>host@</c> when <c>ftp@</c> failed).
    /// </summary>
    public void BeginGssapi(Gssapi.GssapiContext context)
    {
        Gssapi?.Dispose();
        Gssapi = context;
        Mechanism = SecurityMechanism.Gssapi;
        AuthName = "GSSAPI";
        BufferSize = null;
        DataProtection = DataProtectionLevel.Clear;
    }

    /// <summary>A failed ADAT (GSS-AUTH: <c>535</c> and reset): the session is as before AUTH.</summary>
    public void AbandonGssapi()
    {
        Gssapi?.Dispose();
        Gssapi = null;
        Mechanism = SecurityMechanism.None;
        AuthName = null;
    }

    /// <summary>
    /// PBSZ (RFC 2228 3): keeps and returns the size in force. TLS has no buffers: always 0 (RFC 4217 8); GSSAPI keeps
    /// at most 1 MiB (GSS-PBSZ).
    /// </summary>
    public int SetBufferSize(ulong requested)
    {
        BufferSize = Mechanism == SecurityMechanism.Gssapi ? (int)Math.Min(requested, MaxGssapiBufferSize) : 0;
        return BufferSize.Value;
    }

    /// <summary>
    /// Whether the mechanism offers <paramref name="level"/>: TLS has Clear and Private (TLS-PROT); GSSAPI Clear, Safe
    /// and Private, having no confidentiality without integrity (GSS-PROT).
    /// </summary>
    public bool Supports(DataProtectionLevel level) => Mechanism == SecurityMechanism.Gssapi
        ? level is DataProtectionLevel.Clear or DataProtectionLevel.Safe or DataProtectionLevel.Private
        : level is DataProtectionLevel.Clear or DataProtectionLevel.Private;

    /// <summary>PROT: the level for the next data connections.</summary>
    public void SetDataProtection(DataProtectionLevel level) => DataProtection = level;

    public void Dispose() => Gssapi?.Dispose();
}
