using LiverMuscle.Sync.Web.Forms;
using LiverMuscle.Sync.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>The operator's sign-in: the password set by <c>console set-password</c>, throttled per address and per account.</summary>
[EnableRateLimiting(WebConsoleServiceCollectionExtensions.SignInRateLimit)]
internal sealed class SignInModel(OperatorPassword password, SignInThrottle throttle, ILogger<SignInModel> logger) : PageModel
{
    public bool PasswordSet { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => PasswordSet = await password.IsSetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PasswordSet = await password.IsSetAsync(cancellationToken);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.LockedFor(OperatorPassword.AccountName) is { TotalSeconds: > 0 } locked)
        {
            Log.SignInLockedOut(logger, address, (int)Math.Ceiling(locked.TotalSeconds));
            return Refuse($"Too many failed attempts: try again in {Math.Ceiling(locked.TotalSeconds):0} seconds.");
        }

        if (!PasswordSet || string.IsNullOrEmpty(Password) || !await password.VerifyAsync(Password, cancellationToken))
        {
            throttle.Failed(OperatorPassword.AccountName);
            Log.SignInFailed(logger, address);
            return Refuse("The password is not right.");
        }

        throttle.Succeeded(OperatorPassword.AccountName);
        await HttpContext.SignInAsync(ConsoleSchemes.Cookie, ConsoleClaims.Operator(OperatorPassword.AccountName, ConsoleSchemes.Cookie));
        Log.SignedIn(logger, OperatorPassword.AccountName, address);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Refuse(string message)
    {
        Errors = [new FieldError("password", message)];
        var page = Page();
        page.StatusCode = StatusCodes.Status401Unauthorized;
        return page;
    }
}
