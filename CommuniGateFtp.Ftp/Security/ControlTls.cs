namespace CommuniGateFtp.Ftp.Security;

/// <summary>What protects a control connection under TLS: the protocol and cipher suite negotiated (for STAT-like views).</summary>
public sealed record ControlTls(string Protocol, string Cipher);
