using Microsoft.AspNetCore.Authorization;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// A requirement about a change a handler is asked to make: a server administrator may make any; a Domain administrator
/// one that <see cref="Refusal"/> finds nothing against, else the refusal becomes the failure reason (the 403's detail).
/// </summary>
public abstract class AdministrationRequirement<TResource> : AuthorizationHandler<AdministrationRequirement<TResource>, TResource>,
    IAuthorizationRequirement
{
    /// <summary>Why a Domain administrator may not make <paramref name="change"/>, or null when it may.</summary>
    protected abstract string? Refusal(ManagementCaller caller, TResource change);

    protected sealed override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministrationRequirement<TResource> requirement,
        TResource change)
    {
        var caller = ManagementCaller.Of(context.User);
        var refusal = caller.IsServerAdministrator ? null
            : caller.IsDomainAdministrator ? Refusal(caller, change)
            : "Only administrators may do this.";
        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }
        return Task.CompletedTask;
    }
}
