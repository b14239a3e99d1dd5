using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Tests.Ftp.Storage;

public sealed class VirtualPathTests
{
    private static readonly VirtualPath Docs = VirtualPath.Root.Append("docs").Append("2026");

    [Theory]
    [InlineData("a.txt", "/docs/2026/a.txt")]
    [InlineData("../x", "/docs/x")]
    [InlineData("/", "/")]
    [InlineData("../../../../..", "/")]
    [InlineData("/../../etc/passwd", "/etc/passwd")]
    [InlineData("./a/./b//c/", "/docs/2026/a/b/c")]
    [InlineData("dir/~x", "/docs/2026/dir/~x")]
    [InlineData("Grüße dir/ファイル", "/docs/2026/Grüße dir/ファイル")]
    public void Paths_resolve_lexically_and_never_above_the_root(string argument, string expected)
    {
        Assert.True(VirtualPath.TryResolve(Docs, argument, out var path));
        Assert.Equal(expected, path.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\0b")]
    [InlineData("a\rb")]
    [InlineData("a\\..\\b")]
    [InlineData("/~")]
    [InlineData("~bad name")]
    [InlineData("/~bob@not_a_domain/x")]
    [InlineData("../../~x")]
    [InlineData("/~bob/~x")]
    [InlineData("/~bob/../~x")]
    public void Forbidden_names_do_not_resolve(string argument) =>
        Assert.False(VirtualPath.TryResolve(Docs, argument, out _));

    [Theory]
    [InlineData("/", "/~bob/file", "/~bob/file", "bob", "/file")]
    [InlineData("/docs", "~bob", "/~bob", "bob", "/")]
    [InlineData("/docs", "~Bob@Example.com/a/../b", "/~Bob@Example.com/b", "Bob@Example.com", "/b")]
    [InlineData("/~bob/dir", "x", "/~bob/dir/x", "bob", "/dir/x")]
    [InlineData("/~bob/dir", "..", "/~bob", "bob", "/")]
    [InlineData("/~bob/dir", "../..", "/", null, "/")]
    [InlineData("/~bob/dir", "../../x", "/x", null, "/x")]
    [InlineData("/~bob/dir", "./~x", "/~bob/dir/~x", "bob", "/dir/~x")]
    [InlineData("/~bob/dir", "~alice/x", "/~alice/x", "alice", "/x")]
    public void Account_references_are_the_first_component_or_a_tilde_argument(string current, string argument, string expected,
        string? reference, string inner)
    {
        Assert.True(VirtualPath.TryResolve(VirtualPath.Root, current, out var cwd));
        Assert.True(VirtualPath.TryResolve(cwd, argument, out var path));
        Assert.Equal(expected, path.ToString());
        Assert.Equal(reference, path.AccountReference);
        Assert.Equal(inner, path.Inner.ToString());
    }

    [Fact]
    public void Names_longer_than_255_utf8_bytes_and_paths_over_4096_are_refused()
    {
        Assert.False(VirtualPath.TryResolve(VirtualPath.Root, new string('ü', 128), out _));
        Assert.True(VirtualPath.TryResolve(VirtualPath.Root, new string('u', 255), out _));
        Assert.False(VirtualPath.TryResolve(VirtualPath.Root, string.Join('/', Enumerable.Repeat("abcdefgh", 500)), out _));
    }
}
