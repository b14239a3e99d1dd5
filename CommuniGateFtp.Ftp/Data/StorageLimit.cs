using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommuniGateFtp.Ftp.Data;

/// <summary>
/// A File Storage limit as CommuniGate Pro writes it (FS-QUOTA): a number (optionally with a K, M, G or T
/// suffix for sizes), <c>unlimited</c>, or <c>default</c> (the Domain's default, then the server's).
/// </summary>
public readonly record struct StorageLimit
{
    private StorageLimit(StorageLimitKind kind, long value) => (Kind, Value) = (kind, value);

    public StorageLimitKind Kind { get; }

    /// <summary>The limit when <see cref="Kind"/> is <see cref="StorageLimitKind.Limited"/>.</summary>
    public long Value { get; }

    public static StorageLimit Default { get; } = new(StorageLimitKind.Default, 0);

    public static StorageLimit Unlimited { get; } = new(StorageLimitKind.Unlimited, 0);

    public static StorageLimit Of(long value) =>
        value >= 0 ? new(StorageLimitKind.Limited, value) : throw new ArgumentOutOfRangeException(nameof(value));

    public static bool TryParse([NotNullWhen(true)] string? text, out StorageLimit limit)
    {
        limit = Default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (text.Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.Equals("unlimited", StringComparison.OrdinalIgnoreCase))
        {
            limit = Unlimited;
            return true;
        }
        var multiplier = char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 1L << 10,
            'M' => 1L << 20,
            'G' => 1L << 30,
            'T' => 1L << 40,
            _ => 1L,
        };
        var digits = multiplier == 1 ? text : text[..^1];
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number > long.MaxValue / multiplier)
        {
            return false;
        }
        limit = Of(number * multiplier);
        return true;
    }

    /// <summary>
    /// FS-QUOTA: the limit that applies, in units, or null for none: the account's own, else (for <c>default</c>) the
    /// Domain's default, else the server default, unlimited.
    /// </summary>
    public static long? Effective(StorageLimit account, StorageLimit domainDefault)
    {
        var limit = account.Kind == StorageLimitKind.Default ? domainDefault : account;
        return limit.Kind == StorageLimitKind.Limited ? limit.Value : null;
    }

    public static StorageLimit Parse(string text) =>
        TryParse(text, out var limit) ? limit : throw new FormatException($"'{text}' is not a storage limit (a number, 'unlimited' or 'default').");

    public override string ToString() => Kind switch
    {
        StorageLimitKind.Default => "default",
        StorageLimitKind.Unlimited => "unlimited",
        _ => Value.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>What a <see cref="StorageLimit"/> means.</summary>
public enum StorageLimitKind
{
    Default,
    Unlimited,
    Limited,
}
