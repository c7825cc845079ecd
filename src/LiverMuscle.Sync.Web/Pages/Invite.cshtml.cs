using LiverMuscle.Sync.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>
/// An invite link. Opening it shows a button (link previews fetch pages, so the link is used only by the form post);
/// the post uses the link once and starts a session limited to that one person.
/// </summary>
internal sealed class InviteModel(InviteService invites) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Person { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    public InviteStatus Status { get; private set; }

    public string Message => Status switch
    {
        InviteStatus.Used => "This invitation was used already: each link works once. Ask for a new one.",
        InviteStatus.Expired => "This invitation has expired. Ask for a new one.",
        _ => "This invitation is not known (the link may be incomplete, or was replaced by a newer one). Ask for a new one.",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Status = await invites.CheckAsync(Person, Token, cancellationToken);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Status = await invites.RedeemAsync(Person, Token, cancellationToken);
        if (Status != InviteStatus.Valid)
        {
            return Answer();
        }

        await HttpContext.SignInAsync(ConsoleSchemes.Cookie, ConsoleClaims.Person(Person, ConsoleSchemes.Cookie));
        return Redirect("/me");
    }

    private PageResult Answer()
    {
        var page = Page();
        page.StatusCode = Status == InviteStatus.Valid ? StatusCodes.Status200OK : StatusCodes.Status410Gone;
        return page;
    }
}
