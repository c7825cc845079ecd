using LiverMuscle.Sync.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>Ends the session (a form post, so another site cannot sign anyone out).</summary>
[AllowAnonymous]
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleSchemes.Cookie);
        return Page();
    }
}
