using System.Net;
using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Commands;
using CommuniGateFtp.Ftp.Commands.Access;
using CommuniGateFtp.Ftp.Commands.FileActions;
using CommuniGateFtp.Ftp.Commands.Navigation;
using CommuniGateFtp.Ftp.Commands.Transfer;
using CommuniGateFtp.Ftp.Protocol;
using CommuniGateFtp.Ftp.Sessions;
using CommuniGateFtp.Ftp.Settings;
using CommuniGateFtp.Ftp.Storage;
using CommuniGateFtp.Ftp.Storage.Access;
using CommuniGateFtp.Tests.Ftp.Sessions;
using Microsoft.Extensions.Options;

namespace CommuniGateFtp.Tests.Ftp.Commands;

/// <summary>Handlers on their own: an in-memory session, the reply they return, the state they leave.</summary>
public sealed class HandlerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cgftp-handlers-").FullName;
    private readonly FtpSession _session;
    private readonly UnlimitedStorageUsage _usage = new();
    private readonly StorageChanges _changes;
    private readonly FileStore _store;

    public HandlerTests()
    {
        _session = new FtpSession(1, new IPEndPoint(IPAddress.Loopback, 40000), new IPEndPoint(IPAddress.Loopback, 21), DateTimeOffset.UtcNow);
        var account = new AuthenticatedAccount(1, "alice", "test.example", false);
        var none = new NoAccessControl();
        _store = new FileStore(Options.Create(new FtpOptions { StorageRoot = _root }), none, new AccessPolicy(none));
        _changes = new StorageChanges(_usage, none);
        _session.CompleteLogin(account, _store.OpenSpace(account));
    }

    private async Task<FtpReply> Run(IFtpCommandHandler handler, string verb, string argument = "") =>
        await handler.HandleAsync(new FtpCommandContext(_session, new FtpCommand(verb, argument)), CancellationToken.None);

    [Fact]
    public async Task Type_switches_between_ascii_and_image()
    {
        Assert.Equal(200, (await Run(new TypeHandler(), "TYPE", "I")).Code);
        Assert.Equal(TransferType.Image, _session.TransferType);
        Assert.Equal(504, (await Run(new TypeHandler(), "TYPE", "E")).Code);
        Assert.Equal(TransferType.Image, _session.TransferType);
        Assert.Equal(200, (await Run(new TypeHandler(), "TYPE", "a")).Code);
        Assert.Equal(TransferType.Ascii, _session.TransferType);
    }

    [Fact]
    public async Task Rest_keeps_the_marker_for_one_transfer_command()
    {
        Assert.Equal(350, (await Run(new RestHandler(), "REST", "4096")).Code);
        Assert.Equal(4096, _session.TakeRestartOffset());
        Assert.Equal(0, _session.TakeRestartOffset());
    }

    [Fact]
    public async Task Mkd_creates_under_the_account_root_and_cwd_enters_it()
    {
        var reply = await Run(new MkdHandler(_changes), "MKD", "new dir");
        Assert.Equal("257 \"/new dir\" created", reply.ToString());
        Assert.True(Directory.Exists(Path.Combine(_root, "test.example", "alice", "new dir")));
        Assert.Equal(1, _usage.Files); // a directory counts against the files limit
        Assert.Equal(250, (await Run(new CwdHandler(), "CWD", "new dir")).Code);
        Assert.Equal("/new dir", _session.CurrentDirectory.ToString());
    }

    [Fact]
    public async Task Rnto_without_rnfr_is_out_of_sequence_and_user_logs_out()
    // Without a GSSAPI exchange USER never reads the live settings or writes the log: they are not needed here.
    {
        Assert.Equal(503, (await Run(new RntoHandler(_changes), "RNTO", "x")).Code);
        Assert.Equal(331, (await Run(new UserHandler(new TableAuthenticator(), _store, null!, null!), "USER", "bob")).Code);
        Assert.False(_session.IsLoggedIn);
        Assert.Equal(new LoginName("bob", null), _session.PendingLogin);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
