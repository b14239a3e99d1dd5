using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands.Transfer;

/// <summary>What an upload command decided once it saw the file under its gate: where to write, and its <c>150</c> text.</summary>
public sealed record UploadPlan(UploadTarget Target, string OpeningText);
