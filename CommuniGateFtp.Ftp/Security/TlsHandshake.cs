using System.IO.Pipelines;
using System.Net.Security;
using System.Security.Authentication;

namespace CommuniGateFtp.Ftp.Security;

/// <summary>
/// Server-side TLS for the control and data connections (TLS-VERSIONS: 1.2 and 1.3 only), with a time limit on the
/// handshake so a peer that stalls or sends garbage cannot hold a session.
/// </summary>
public sealed class TlsHandshake(ServerCertificate certificate, TimeProvider time)
{
    public bool IsAvailable => certificate.Current is not null;

    /// <summary>TLS over a control connection's pipes; bytes the client sent early stay in the pipe and are read first.</summary>
    public async Task<(IDuplexPipe Pipe, SslStream Stream)> AcceptAsync(IDuplexPipe transport, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var inner = new DuplexStream(transport.Input.AsStream(leaveOpen: true), transport.Output.AsStream(leaveOpen: true));
        var ssl = await AcceptAsync(inner, timeout, cancellationToken, issueTickets: true);
        return (new TlsPipe(PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true)), PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true))), ssl);
    }

    /// <summary>
    /// TLS over a data connection's stream; clients resume the control connection's session, so no tickets are issued
    /// here. A connection that receives an upload speaks TLS 1.2: a TLS 1.3 server sends session tickets after the
    /// handshake, an uploading client (curl) never reads them, and closing a socket with unread data sends a TCP reset
    /// that discards the upload's tail and its close_notify on this side (seen with curl 7.88 and OpenSSL 3).
    /// </summary>
    public Task<SslStream> AcceptDataAsync(Stream inner, bool receiving, TimeSpan timeout, CancellationToken cancellationToken) =>
        AcceptAsync(inner, timeout, cancellationToken, issueTickets: false,
            receiving ? SslProtocols.Tls12 : SslProtocols.Tls12 | SslProtocols.Tls13);

    private async Task<SslStream> AcceptAsync(Stream inner, TimeSpan timeout, CancellationToken cancellationToken, bool issueTickets,
        SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        using var limit = new Sessions.Deadline(time, timeout, cancellationToken);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate.Current ?? throw new AuthenticationException("No certificate is loaded."),
                EnabledSslProtocols = protocols,
                ClientCertificateRequired = false,
                AllowTlsResume = issueTickets,
            }, limit.Token);
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    private sealed record TlsPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
