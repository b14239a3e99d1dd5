using System.Text.Json.Nodes;
using CommuniGateFtp.Ftp.Management.Documents;

namespace CommuniGateFtp.Tests.Ftp.Management.Documents;

/// <summary>RFC 7396 Appendix A's examples, each target and patch as the RFC gives them.</summary>
public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Rfc_7396_appendix_a_examples_give_the_rfc_results(string target, string patch, string result) =>
        Assert.Equal(result, JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch))!.ToJsonString());

    [Fact]
    public void Applying_a_patch_leaves_target_and_patch_unchanged()
    {
        var target = JsonNode.Parse("""{"a":{"b":1},"c":2}""");
        var patch = JsonNode.Parse("""{"a":{"b":null},"c":3}""");
        JsonMergePatch.Apply(target, patch);
        Assert.Equal("""{"a":{"b":1},"c":2}""", target!.ToJsonString());
        Assert.Equal("""{"a":{"b":null},"c":3}""", patch!.ToJsonString());
    }
}
