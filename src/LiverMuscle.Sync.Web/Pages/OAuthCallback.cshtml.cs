using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>
/// Where a provider sends the browser back: completes the authorisation the state names (an invite session only its
/// own person's), stores the tokens, starts the first sync in the background and returns to the person's page.
/// </summary>
internal sealed class OAuthCallbackModel(AuthorizationService authorization, BackgroundSyncs syncs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Provider { get; set; } = string.Empty;

    public string? Error { get; private set; }

    public string BackUrl { get; private set; } = "/";

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var redirect = new AuthorizationRedirect(Value(query["state"]), Value(query["code"]), Value(query["error"]));
        var invited = User.InvitedPerson();
        BackUrl = invited is null ? "/" : "/me";
        var outcome = await authorization.CompleteAsync(Provider, invited, redirect, cancellationToken);
        if (outcome.Connection is not { } connection)
        {
            // A redirect of someone else's authorisation must not tell an invite session whose it was.
            Error = invited is not null && outcome.Failure == AuthorizationFailure.BadRequest
                ? "This redirect does not belong to an authorisation started on your page; start again there."
                : outcome.Error;
            return Page();
        }

        var syncing = connection.Status == ConnectionStatus.Connected && syncs.Start(connection.UserId, connection.Provider);
        Notice = $"{Provider} is connected" + (syncing ? "; the first sync runs now and its outcome shows on this page when done." : ".");
        return Redirect(invited is null ? $"/people/{Uri.EscapeDataString(connection.UserId)}" : "/me");
    }

    private static string? Value(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;
}
