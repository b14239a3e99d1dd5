namespace CommuniGateFtp.Admin.Services.Live;

/// <summary>Where a live feed stands, as the operator sees it.</summary>
public enum LiveState
{
    Connecting,
    Live,
    Reconnecting,
    /// <summary>The API refused the token: nothing more arrives until the operator signs in again.</summary>
    SignInRequired,
    Stopped,
}
