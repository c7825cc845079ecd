using System.Globalization;
using LiverMuscle.Sync.Markers.Import;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Web.Forms;
using LiverMuscle.Sync.Web.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>
/// A page about one person, for the operator (<c>/people/{id}</c>) or for the invited person (<c>/me</c>): their
/// providers with connect links, and the logging forms and uploads. Derived pages say which person and
/// add their own handlers.
/// </summary>
internal abstract class PersonPageModel(PersonPageServices services) : PageModel
{
    protected PersonPageServices Services => services;

    /// <summary>The person the page acts for.</summary>
    public abstract string PersonId { get; }

    public PersonOverview Overview { get; private set; } = null!;

    public PersonData Data { get; private set; } = null!;

    /// <summary>Today in the person's time zone, <c>yyyy-MM-dd</c>: the default date of the forms.</summary>
    public string Today { get; private set; } = string.Empty;

    [BindProperty]
    public MarkerForm Marker { get; set; } = new();

    [BindProperty]
    public SelfTestForm SelfTest { get; set; } = new();

    [BindProperty]
    public StrengthSessionForm StrengthSession { get; set; } = new();

    [BindProperty]
    public ProteinForm Protein { get; set; } = new();

    /// <summary>What the last logging form or upload stored and refused.</summary>
    public EntryReport? Stored { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<FieldError> Errors { get; protected set; } = [];

    public string? ErrorOf(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId)?.Message;

    /// <summary>The signed link that starts the provider's consent for this person in this session.</summary>
    public string ConnectUrl(string provider) =>
        $"/connect/{Uri.EscapeDataString(provider)}?person={Uri.EscapeDataString(PersonId)}&sig={Uri.EscapeDataString(services.ConnectLinks.Sign(User.Identity!.Name!, PersonId, provider))}";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostMarkerAsync(CancellationToken cancellationToken) =>
        StoreMarkersAsync("Marker", () => services.Markers.AddAsync(PersonId, Marker, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSelfTestAsync(CancellationToken cancellationToken) =>
        StoreMarkersAsync("Strength self-test", () => services.Markers.AddSelfTestAsync(PersonId, SelfTest, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUploadAsync(IFormFile? upload, CancellationToken cancellationToken) =>
        StoreMarkersAsync($"Upload {upload?.FileName}", () => services.Markers.ImportAsync(PersonId, upload, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSessionAsync(CancellationToken cancellationToken) =>
        StoreAsync(() => services.Entries.LogSessionAsync(PersonId, StrengthSession, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostProteinAsync(CancellationToken cancellationToken) =>
        StoreAsync(() => services.Entries.LogProteinAsync(PersonId, Protein, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDailyTotalsAsync(IFormFile? upload, CancellationToken cancellationToken) =>
        StoreAsync(() => services.Entries.ImportDailyTotalsAsync(PersonId, upload, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFitbitExportAsync(IFormFile? upload, CancellationToken cancellationToken) =>
        StoreAsync(() => services.Entries.ImportFitbitExportAsync(PersonId, upload, cancellationToken), cancellationToken);

    /// <summary>Reads the person and renders the page; 404 for a person the state store does not know.</summary>
    protected async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (await services.Reader.GetAsync(PersonId, cancellationToken) is not { } overview)
        {
            return NotFound();
        }

        Overview = overview;
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(overview.Person.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        Today = TimeZoneInfo.ConvertTime(services.Time.GetUtcNow(), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Data = await services.Reader.ReadDataAsync(PersonId, cancellationToken);
        await OnLoadedAsync(overview.Person, cancellationToken);
        return Page();
    }

    /// <summary>Called with the person before the page renders, to fill the derived page's forms.</summary>
    protected virtual Task OnLoadedAsync(Person person, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<IActionResult> StoreMarkersAsync(string title, Func<Task<MarkerImportReport>> store, CancellationToken cancellationToken) =>
        StoreAsync(async () => EntryReport.Of(title, await store()), cancellationToken);

    private async Task<IActionResult> StoreAsync(Func<Task<EntryReport>> store, CancellationToken cancellationToken)
    {
        try
        {
            Stored = await store();
        }
        catch (PersonNotFoundException)
        {
            return NotFound();
        }

        return await ShowAsync(cancellationToken);
    }
}
