using LiverMuscle.Sync.People;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiverMuscle.Sync.Web.Pages.People;

/// <summary>Removing (erasing) a person through the same <see cref="PersonEraser"/> as <c>people remove</c>, and what it erased.</summary>
[Authorize(Policy = ConsoleClaims.OperatorPolicy)]
internal sealed class RemoveModel(PersonEraser eraser, IPersonStore people) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public PersonErasure? Erasure { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await people.GetAsync(Id, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!PersonId.IsValid(Id))
        {
            return NotFound();
        }

        Erasure = await eraser.EraseAsync(Id, cancellationToken);
        return Page();
    }
}
