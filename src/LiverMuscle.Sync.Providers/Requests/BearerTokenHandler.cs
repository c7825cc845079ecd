using System.Net.Http.Headers;
using LiverMuscle.Sync.Providers.Tokens;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>
/// Sends the user's access token, and after the provider refused it refreshes once and sends again. A request that
/// names no user (a call made with a token not stored yet) passes untouched.
/// </summary>
internal sealed class BearerTokenHandler(ITokenManager tokens, string provider, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ProviderRequestOptions.User, out var user))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await tokens.GetAccessTokenAsync(user, provider, cancellationToken);
        var response = await SendWithAsync(request, token, cancellationToken);
        if (ProviderRequestOptions.AnswerOf(response) is not { Kind: AnswerKind.TokenRejected } rejected)
        {
            return response;
        }

        Log.TokenRejected(logger, provider, user, rejected.Detail);
        response.Dispose();
        token = await tokens.RefreshAfterRejectionAsync(user, provider, token, cancellationToken);
        return await SendWithAsync(request, token, cancellationToken);
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
