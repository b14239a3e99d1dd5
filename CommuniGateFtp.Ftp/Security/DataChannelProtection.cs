using System.Net.Security;
using CommuniGateFtp.Ftp.DataChannels;
using CommuniGateFtp.Ftp.Security.Gssapi;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Telemetry;

namespace CommuniGateFtp.Ftp.Security;

/// <summary>
/// Applies the session's data protection once, where a data connection opens: a TLS stream for PROT P under TLS
/// (TLS-DATA), RFC 2228 protection buffers for PROT S and P under GSSAPI (GSS-PROT), or the connection itself for
/// PROT C, so that plain binary transfers keep their zero-copy path. What a transfer writes and reads is then the same
/// for every variant.
/// </summary>
public sealed class DataChannelProtection(TlsHandshake tls, FtpLogBook log)
{
    /// <summary>
    /// The stream a transfer uses over <paramref name="plain"/>, or null when protection could not be set up (logged;
    /// the caller answers <c>425</c>). <paramref name="receiving"/>: the client uploads.
    /// </summary>
    public async Task<Stream?> ProtectAsync(FtpSession session, Stream plain, bool receiving, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var security = session.Security;
        if (security.DataProtection == DataProtectionLevel.Clear)
        {
            return plain;
        }
        if (security.Mechanism == SecurityMechanism.Gssapi && security.Gssapi is { IsEstablished: true } context)
        {
            return new ProtectionBufferStream(plain, context, encrypt: security.DataProtection == DataProtectionLevel.Private,
                security.BufferSize ?? SessionSecurity.MaxGssapiBufferSize);
        }
        try
        {
            var transport = new TlsTransportStream(plain);
            var ssl = await tls.AcceptDataAsync(transport, receiving, timeout, cancellationToken);
            if (!receiving)
            {
                transport.GatherWrites(); // after the handshake, whose messages SslStream flushes itself
            }
            log.Write(CgpLogLevel.LowLevel, session.Id, session.Client, $"data connection TLS {ssl.SslProtocol} {ssl.NegotiatedCipherSuite}");
            return ssl;
        }
        catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            log.Write(CgpLogLevel.Problems, session.Id, session.Client, $"TLS handshake on a data connection failed: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Ends the protected data stream properly after the last byte: TLS sends close_notify (GnuTLS clients such as lftp
    /// insist on it); GSSAPI sends the end-of-data block (without it curl loses a listing whose size it does not know).
    /// </summary>
    public static async Task FinishAsync(Stream stream, CancellationToken cancellationToken)
    {
        switch (stream)
        {
            case SslStream ssl:
                await ssl.ShutdownAsync();
                await ssl.FlushAsync(cancellationToken); // the close_notify may wait in a gathered send (TlsTransportStream)
                break;
            case ProtectionBufferStream buffers:
                await buffers.FinishAsync(cancellationToken);
                break;
        }
    }
}
