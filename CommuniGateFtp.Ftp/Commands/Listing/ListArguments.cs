namespace CommuniGateFtp.Ftp.Commands.Listing;

/// <summary>LIST and NLST arguments: leading <c>-…</c> option tokens (<c>-l</c>, <c>-a</c>, <c>-la</c>) are ignored (LST-LS).</summary>
public static class ListArguments
{
    public static string PathOf(string argument)
    {
        var rest = argument.TrimStart();
        while (rest.StartsWith('-'))
        {
            var space = rest.IndexOf(' ');
            rest = space < 0 ? "" : rest[(space + 1)..].TrimStart();
        }
        return rest;
    }
}
