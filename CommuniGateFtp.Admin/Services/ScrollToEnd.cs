using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommuniGateFtp.Admin.Services;

/// <summary>Follows the newest line of a scrolling view, as a tail does (Blazor has no scroll API of its own).</summary>
public static class ScrollToEnd
{
    public static async Task ScrollToEndAsync(this IJSRuntime js, ElementReference element)
    {
        try
        {
            await js.InvokeVoidAsync("cgftpScrollToEnd", element);
        }
        catch (JSDisconnectedException)
        {
            // the page is closing
        }
    }
}
