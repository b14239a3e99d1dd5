namespace CommuniGateFtp.Ftp.Security.Gssapi;

/// <summary>
/// A protected token that fails to wrap or unwrap, or a data block longer than the protection buffer: the transfer ends
/// with <c>535</c> (GSS-PROT). Not an <see cref="IOException"/>, so it is never mistaken for a lost connection.
/// </summary>
public sealed class GssapiProtectionException(string message) : Exception(message);
