using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommuniGateFtp.Admin.Services;

/// <summary>
/// Runs a page's API call so that no refusal escapes as an unhandled exception (which would break the circuit): an
/// expired token sends the operator to the login page, an unreachable service and every other problem become a
/// Snackbar message. Field errors stay on the <see cref="FtpApiException"/> for callers that show them at the field.
/// </summary>
public sealed class ApiCalls(NavigationManager navigation, ISnackbar snackbar)
{
    /// <summary>The call's result, or default after the problem was shown.</summary>
    public async Task<T?> RunAsync<T>(Func<Task<T>> call, Func<FtpApiException, bool>? handle = null)
    {
        try
        {
            return await call();
        }
        catch (FtpApiException ex) when (ex.SignInRequired)
        {
            SignInAgain();
        }
        catch (FtpApiException ex) when (handle?.Invoke(ex) == true)
        {
            // the caller showed it its own way (at the fields, or with a reload offer)
        }
        catch (FtpApiException ex)
        {
            snackbar.Add(ex.Message, Severity.Error);
        }
        catch (HttpRequestException ex)
        {
            snackbar.Add($"The Ftp service cannot be reached ({ex.Message}).", Severity.Error);
        }
        catch (TaskCanceledException)
        {
            snackbar.Add("The Ftp service did not answer in time.", Severity.Warning);
        }
        return default;
    }

    /// <summary>As <see cref="RunAsync{T}"/> for calls without a result; true when it succeeded.</summary>
    public async Task<bool> RunAsync(Func<Task> call, Func<FtpApiException, bool>? handle = null) =>
        await RunAsync(async () => { await call(); return true; }, handle);

    /// <summary>The token expired (or the key changed): a fresh sign-in replaces the cookie, then back here.</summary>
    public void SignInAgain() =>
        navigation.NavigateTo($"login?returnUrl={Uri.EscapeDataString(navigation.ToBaseRelativePath(navigation.Uri))}", forceLoad: true);
}
