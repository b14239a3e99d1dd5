using System.Net;

namespace CommuniGateFtp.Bench.Ftp;

/// <summary>Where and as whom the tool logs in; <see cref="Tls"/> asks for AUTH TLS, PBSZ 0 and PROT P.</summary>
public sealed record FtpServer(IPEndPoint EndPoint, string User, string Password, bool Tls = false);
