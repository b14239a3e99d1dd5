using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>Options that do not change, for unit tests of classes that read <see cref="IOptionsMonitor{T}"/>.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
