using System.Net;
using System.Security.Claims;
using System.Text;
using CommuniGateFtp.Admin.Services;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommuniGateFtp.Tests.Admin;

/// <summary>An HTTP handler that answers with what the test says, and a client factory over it.</summary>
public sealed class StubHttp(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> answer) : HttpMessageHandler, IHttpClientFactory
{
    private int _calls;

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<string?> Bodies { get; } = [];

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false) { BaseAddress = new Uri("http://ftp") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        Bodies.Add(request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        return await answer(request, Interlocked.Increment(ref _calls));
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string? etag = null, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };
        if (etag is not null)
        {
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue(etag);
        }
        return response;
    }

    /// <summary>An administrator signed in with an API token, as the cookie carries it.</summary>
    public static AccessTokenSource SignedIn() => new(new SignedInState());

    private sealed class SignedInState : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "postmaster"), new Claim(AccessTokenSource.Claim, "token")], "test"))));
    }
}
