using CommuniGateFtp.Ftp.Storage;

namespace CommuniGateFtp.Ftp.Commands;

/// <summary>Turns a command's path argument into a <see cref="VirtualPath"/> (FS-PATH), refusing names FS-NAME forbids.</summary>
public static class PathArgument
{
    /// <summary>The path named by the argument; <c>550</c> when it cannot name anything.</summary>
    public static VirtualPath Existing(FtpCommandContext context) =>
        VirtualPath.TryResolve(context.Session.CurrentDirectory, context.Command.Argument, out var path) ? path : throw StorageException.NotFound();

    /// <summary>A path for something to be created (STOR, MKD, RNTO); <c>553</c> when the name is not allowed.</summary>
    public static VirtualPath New(FtpCommandContext context) =>
        VirtualPath.TryResolve(context.Session.CurrentDirectory, context.Command.Argument, out var path) && !path.Inner.IsRoot
            ? path
            : throw StorageException.InvalidName();

    /// <summary>The argument's path, or the current directory when there is no argument (LIST, NLST, MLSD, STAT).</summary>
    public static VirtualPath OrCurrent(FtpCommandContext context, string argument) =>
        argument.Length == 0 ? context.Session.CurrentDirectory
        : VirtualPath.TryResolve(context.Session.CurrentDirectory, argument, out var path) ? path : throw StorageException.NotFound();

    /// <summary>RFC 959 5.3.1's quoting for 257 replies: a double quote inside the path is doubled (CMD-MKD, CMD-PWD).</summary>
    public static string Quote(VirtualPath path) => "\"" + path.ToString().Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
