using LiverMuscle.Sync.Providers.Tokens;
using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>
/// Starts the OAuth flow of a person at a provider through <see cref="AuthorizationService"/> — the same as
/// <c>auth</c> — with the redirect back to <c>/oauth/{provider}/callback</c>, and sends the browser to the consent page.
/// </summary>
internal sealed class ConnectModel(AuthorizationService authorization, ConnectLinks links, ConsoleUrls urls) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Provider { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Person { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Sig { get; set; }

    public string? Error { get; private set; }

    public string BackUrl => User.IsOperator() ? $"/people/{Uri.EscapeDataString(Person)}" : "/me";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.MayActFor(Person))
        {
            return Forbid();
        }

        if (!links.Verify(Sig, User.Identity!.Name!, Person, Provider))
        {
            Error = "This connect link is not valid for this session (it is old, or came from elsewhere). Use the button on the page again.";
            return Page();
        }

        var started = await authorization.StartAsync(Provider, Person, urls.OAuthCallback(Provider), demo: false, cancellationToken);
        if (!started.Succeeded)
        {
            Error = started.Error;
            return Page();
        }

        return Redirect(started.AuthorizeUrl!.AbsoluteUri);
    }
}
