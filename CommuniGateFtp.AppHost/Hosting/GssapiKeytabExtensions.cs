using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

/// <summary>
/// SET-GSS: hands the AppHost's <c>Gssapi:Keytab</c> (a path, relative to the AppHost) to the ftp service as
/// <c>Ftp__Gssapi__Keytab</c>, which registers it with the GSSAPI library at start. Nothing configured: nothing is set,
/// and MIT's defaults apply in the service (<c>KRB5_KTNAME</c>, then <c>/etc/krb5.keytab</c>).
/// </summary>
public static class GssapiKeytabExtensions
{
    public static IResourceBuilder<ProjectResource> WithGssapiKeytab(this IResourceBuilder<ProjectResource> ftp)
    {
        var builder = ftp.ApplicationBuilder;
        if (builder.Configuration["Gssapi:Keytab"] is { Length: > 0 } keytab)
        {
            var path = keytab.StartsWith("FILE:", StringComparison.Ordinal) ? keytab[5..] : keytab;
            ftp.WithEnvironment("Ftp__Gssapi__Keytab", Path.GetFullPath(path, builder.AppHostDirectory));
        }
        return ftp;
    }
}
