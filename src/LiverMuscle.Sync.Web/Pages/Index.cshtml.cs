using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Web.Forms;
using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>The people list, and adding a person through the same <see cref="PersonRegistry"/> as <c>people add</c>.</summary>
[Authorize(Policy = ConsoleClaims.OperatorPolicy)]
internal sealed class IndexModel(PersonOverviewReader reader, PersonRegistry registry) : PageModel
{
    public IReadOnlyList<PersonOverview> People { get; private set; } = [];

    [BindProperty]
    public AddPersonForm Add { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? ErrorOf(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await reader.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var id = (Add.Id ?? string.Empty).Trim();
        var edit = await registry.AddAsync(id, new PersonChanges { DisplayName = Add.DisplayName, TimeZone = string.IsNullOrWhiteSpace(Add.TimeZone) ? null : Add.TimeZone }, cancellationToken);
        if (!edit.Succeeded)
        {
            Errors = [.. edit.Errors.Select(e => new FieldError(e.StartsWith("time zone", StringComparison.Ordinal) ? "add-zone" : e.StartsWith("display name", StringComparison.Ordinal) ? "add-name" : "add-id", e))];
            People = await reader.ListAsync(cancellationToken);
            return Page();
        }

        Notice = $"Added {id}.";
        return Redirect($"/people/{id}");
    }
}
