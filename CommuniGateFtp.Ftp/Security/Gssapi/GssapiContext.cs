using System.Buffers;
using System.Net.Security;

namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// One session's GSSAPI security context as the acceptor (RFC 2228 with Kerberos, <see cref="NegotiateAuthentication"/>
/// in server mode). The context is not thread-safe and its tokens share one sequence space for the control and the data
/// connection, so every use goes through one lock, and callers wrap in the order the client unwraps (150, data, 226).
/// </summary>
public sealed class GssapiContext : IDisposable
{
    private readonly NegotiateAuthentication _context;
    private readonly Lock _gate = new();

    private GssapiContext(NegotiateAuthentication context) => _context = context;

    /// <summary>True once the security data exchange completed (ADAT answered 235).</summary>
    public bool IsEstablished { get; private set; }

    /// <summary>The client's principal (<c>name@REALM</c>) once established.</summary>
    public string? Principal { get; private set; }

    /// <summary>
    /// A new acceptor context. Throws <see cref="TypeInitializationException"/> or <see cref="DllNotFoundException"/>
    /// when the system's GSSAPI library is missing.
    /// </summary>
    public static GssapiContext Accept() =>
        // No Binding: curl sends address channel bindings that never match behind NAT or on ::1; null ignores them.
        new(new NegotiateAuthentication(new NegotiateAuthenticationServerOptions { Package = "Kerberos" }));

    /// <summary>One ADAT step: the token to send back (if any) and how the exchange stands.</summary>
    public (byte[]? Reply, NegotiateAuthenticationStatusCode Status) Step(ReadOnlySpan<byte> token)
    {
        lock (_gate)
        {
            var reply = _context.GetOutgoingBlob(token, out var status);
            // Only the status says whether it worked: after a failure IsAuthenticated may read true and RemoteIdentity throw.
            if (status == NegotiateAuthenticationStatusCode.Completed)
            {
                IsEstablished = true;
                Principal = _context.RemoteIdentity.Name;
            }
            return (reply, status);
        }
    }

    /// <summary>
    /// RFC 2228 wraps with gss_wrap: with confidentiality for ENC and PROT P, without for MIC and PROT S (never the
    /// detached gss_get_mic). The token is appended to <paramref name="output"/>.
    /// </summary>
    public void Wrap(ReadOnlySpan<byte> plain, IBufferWriter<byte> output, bool encrypt)
    {
        lock (_gate)
        {
            var status = _context.Wrap(plain, output, encrypt, out var encrypted);
            if (status != NegotiateAuthenticationStatusCode.Completed || encrypted != encrypt)
            {
                throw new GssapiProtectionException($"GSSAPI wrap failed: {status}");
            }
        }
    }

    /// <summary>Unwraps a control token into <paramref name="output"/>; false when it was altered or is no token of this context.</summary>
    public bool TryUnwrap(ReadOnlySpan<byte> token, IBufferWriter<byte> output, out bool encrypted)
    {
        lock (_gate)
        {
            return _context.Unwrap(token, output, out encrypted) == NegotiateAuthenticationStatusCode.Completed;
        }
    }

    /// <summary>Unwraps a data block in place, without allocating; false when it was altered.</summary>
    public bool TryUnwrapInPlace(Span<byte> token, out int offset, out int length, out bool encrypted)
    {
        lock (_gate)
        {
            var status = _context.UnwrapInPlace(token, out offset, out length, out encrypted);
            return status == NegotiateAuthenticationStatusCode.Completed;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _context.Dispose();
        }
    }
}
