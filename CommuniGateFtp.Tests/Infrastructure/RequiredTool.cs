namespace CommuniGateFtp.Tests.Infrastructure;

/// <summary>
/// Finds a real tool a test needs (curl, python3, chromium, PostgreSQL). Missing: the test is skipped with the
/// reason on a developer machine, and fails in CI (CI=true), where the test command installs everything.
/// </summary>
public static class RequiredTool
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Find(string name, params string[] candidates)
    {
        var found = candidates.Append(name)
            .SelectMany(c => Path.IsPathRooted(c) ? [c] : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, c)))
            .FirstOrDefault(File.Exists);
        return found ?? Missing(name, $"'{name}' is not installed (the README's test command installs it)");
    }

    /// <summary>Skips (developer machine) or fails (CI) with <paramref name="reason"/>.</summary>
    public static string Missing(string name, string reason)
    {
        if (InCi)
        {
            Assert.Fail($"{reason}; in CI every tool must be present.");
        }
        Assert.Skip(reason);
        return name;
    }
}
