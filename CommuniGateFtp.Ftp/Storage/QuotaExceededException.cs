namespace CommuniGateFtp.Ftp.Storage;

/// <summary>A write went past the account's size limit (FS-QUOTA-HIT): <c>552 Exceeded storage allocation</c>.</summary>
public sealed class QuotaExceededException() : IOException("Exceeded storage allocation");
