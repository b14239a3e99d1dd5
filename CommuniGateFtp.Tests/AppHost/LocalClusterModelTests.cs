using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace CommuniGateFtp.Tests.AppHost;

/// <summary>
/// <c>--Ftp:Nodes=2</c> (issue 18): the AppHost's model has a second Ftp node on 127.0.0.2 with the same FTP port and
/// its management API on 8012, both named, on the one database and storage root. The model only: nothing is started
/// (the cluster itself is tested in Ftp/Cluster).
/// </summary>
public sealed class LocalClusterModelTests
{
    [Fact]
    public async Task Two_nodes_share_the_ftp_port_on_two_loopback_addresses_and_the_second_api_is_on_8012()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CommuniGateFtp_AppHost>(
            ["--Ftp:Nodes=2", "--Ftp:Port=2121", "--Ftp:StorageRoot=/srv/shared-storage", "--Parameters:admin-password=Not-Used-1"]);
        var nodes = builder.Resources.OfType<ProjectResource>().Where(r => r.Name.StartsWith("ftp", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ftp", "ftp-2"], nodes.Select(n => n.Name));

        var (one, two) = (await EnvironmentOf(nodes[0]), await EnvironmentOf(nodes[1]));
        Assert.Equal(("ftp-1", "127.0.0.1"), (one["Ftp__NodeName"], one["Ftp__ListenAddress"]));
        Assert.Equal(("ftp-2", "127.0.0.2"), (two["Ftp__NodeName"], two["Ftp__ListenAddress"]));
        Assert.All([one, two], env => Assert.Equal("/srv/shared-storage", env["Ftp__StorageRoot"]));
        Assert.All(nodes, n => Assert.Equal(2121, Endpoint(n, "ftp").Port));
        Assert.Equal(8012, Endpoint(nodes[1], "http").Port);
        Assert.True(nodes[1].TryGetAnnotationsOfType<ResourceRelationshipAnnotation>(out var waits)
            && waits.Any(w => w.Resource.Name == "ftpdb"), "node 2 waits for the same database");
    }

    private static EndpointAnnotation Endpoint(ProjectResource node, string name) =>
        Assert.Single(node.Annotations.OfType<EndpointAnnotation>(), e => e.Name == name);

    /// <summary>The node's environment variables that are plain strings (references to other resources left out).</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOf(ProjectResource node)
    {
        var variables = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), variables);
        foreach (var callback in node.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        return variables.Where(v => v.Value is string).ToDictionary(v => v.Key, v => (string)v.Value);
    }
}
