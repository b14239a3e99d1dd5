using System.Net.Http.Json;
using CommuniGateFtp.Contracts;
using CommuniGateFtp.Tests.Infrastructure;

namespace CommuniGateFtp.Tests.Ftp.Management;

/// <summary><c>/api/stats/top-accounts</c> and <c>/api/stats/throughput</c> count what a real client downloaded.</summary>
public sealed class TrafficApiTests(FtpServiceFactory service) : IClassFixture<FtpServiceFactory>, IAsyncLifetime
{
    private const int FileSize = 3 * 1024 * 1024;

    public async ValueTask InitializeAsync()
    {
        await service.CreateFtpAccountAsync("heavy", "heavy-pass-1");
        await service.CreateFtpAccountAsync("light", "light-pass-1");
        TestFiles.Write(Path.Combine(service.AccountRoot("heavy"), "big.bin"), FileSize);
        TestFiles.Write(Path.Combine(service.AccountRoot("light"), "small.bin"), 1000);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_download_puts_its_account_on_top_and_its_bytes_in_the_throughput()
    {
        foreach (var (user, file) in new[] { ("heavy", "big.bin"), ("light", "small.bin") })
        {
            var curl = await ProcessRunner.RunAsync(RequiredTool.Find("curl"),
                ["-sS", "--max-time", "20", "-o", "/dev/null", "--user", $"{user}:{user}-pass-1", $"ftp://127.0.0.1:{service.FtpPort}/{file}"]);
            Assert.True(curl.ExitCode == 0, curl.ToString());
        }
        using var admin = await service.CreateAdminClientAsync();

        var top = await admin.GetFromJsonAsync<TopAccountsResponse>("/api/stats/top-accounts?minutes=5");
        Assert.Equal(5, top!.Minutes);
        Assert.Equal([$"heavy@{FtpServiceFactory.MainDomain}", $"light@{FtpServiceFactory.MainDomain}"], top.Accounts.Select(a => a.Account));
        Assert.Equal((0, FileSize), (top.Accounts[0].BytesIn, top.Accounts[0].BytesOut));
        Assert.Single((await admin.GetFromJsonAsync<TopAccountsResponse>("/api/stats/top-accounts?count=1"))!.Accounts);

        // The step the download fell into is reported once it is over (at most one step later).
        await Eventually.HoldsAsync(async () =>
        {
            var throughput = await admin.GetFromJsonAsync<ThroughputResponse>("/api/stats/throughput");
            Assert.Equal(120, throughput!.Steps.Count);
            Assert.Equal(FileSize + 1000, throughput.Steps.Sum(s => s.BytesOutPerSecond * throughput.StepSeconds), 0.5);
        });
    }
}
