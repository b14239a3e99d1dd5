using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>Stores a <see cref="StorageLimit"/> as CommuniGate Pro's own text (<c>default</c>, <c>unlimited</c>, bytes).</summary>
public sealed class StorageLimitConverter() : ValueConverter<StorageLimit, string>(
    limit => limit.ToString(),
    text => StorageLimit.Parse(text));
