using System.Globalization;
using LiverMuscle.Sync.People;
using LiverMuscle.Sync.State;
using LiverMuscle.Sync.State.Programmes;
using LiverMuscle.Sync.Web.Forms;
using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace LiverMuscle.Sync.Web.Pages.People;

/// <summary>
/// The operator's page of one person: profile and goals (the same <see cref="PersonRegistry"/> as <c>people set</c>),
/// the programme (the same <see cref="ProgrammeRegistry"/>), connections, sync now (the same <c>SyncRunner</c> as
/// <c>sync</c>), invite links, export and the logging forms.
/// </summary>
[Authorize(Policy = ConsoleClaims.OperatorPolicy)]
internal sealed class PersonModel(
    PersonPageServices services,
    PersonRegistry registry,
    ProviderDisconnector disconnector,
    PersonExporter exporter,
    InviteService invites,
    BackgroundSyncs syncs,
    ConsoleUrls urls,
    ProgrammeRegistry programmes) : PersonPageModel(services)
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    public override string PersonId => Id;

    [BindProperty]
    public ProfileForm Profile { get; set; } = new();

    [BindProperty]
    public ProgrammeForm Programme { get; set; } = new();

    /// <summary>The programme as stored, for the defaults the form shows.</summary>
    public Programme? StoredProgramme { get; private set; }

    /// <summary>The invite link just created (shown once).</summary>
    public (Uri Url, DateTimeOffset ExpiresAt)? Invite { get; private set; }

    private bool _keepProfile;

    private bool _keepProgramme;

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        _keepProfile = true;
        var edit = await registry.SetAsync(Id, Profile.ToChanges(), cancellationToken);
        return await SavedOrShownAsync(edit.Errors, ProfileForm.FieldOf, "Profile and goals saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostProgrammeAsync(CancellationToken cancellationToken)
    {
        _keepProgramme = true;
        var edit = await programmes.SetAsync(Id, Programme.ToChanges(), cancellationToken);
        return await SavedOrShownAsync(edit.Errors, ProgrammeForm.FieldOf, "Programme saved.", cancellationToken);
    }

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken cancellationToken)
    {
        var overview = await Services.Reader.GetAsync(Id, cancellationToken);
        if (overview is null)
        {
            return NotFound();
        }

        var started = overview.Providers.Where(p => p.Connected && syncs.Start(Id, p.Provider)).Select(p => p.DisplayName).ToList();
        Notice = started.Count > 0
            ? $"Sync started for {string.Join(" and ", started)}; the outcome shows below when it is done (reload the page)."
            : overview.Providers.Any(p => p.Connected) ? "A sync is already running." : "No provider is connected: connect one first.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(string provider, CancellationToken cancellationToken)
    {
        var revocation = await disconnector.DisconnectAsync(Id, provider, cancellationToken);
        Notice = revocation is null
            ? $"{Id} had no {provider} connection."
            : $"Disconnected {provider}: {(revocation.Succeeded ? string.Empty : "not revoked at the provider: ")}{revocation.Detail}; its tokens are forgotten.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (await invites.CreateAsync(Id, cancellationToken) is not { } created)
        {
            return NotFound();
        }

        Invite = (urls.Invite(Id, created.Token), created.ExpiresAt);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var zip = new MemoryStream();
        try
        {
            if (await exporter.ExportAsync(Id, zip, cancellationToken) is not { } manifest)
            {
                return NotFound();
            }

            zip.Position = 0;
            return File(zip, "application/zip", string.Create(CultureInfo.InvariantCulture, $"{Id}-export-{manifest.ExportedAt.UtcDateTime:yyyyMMdd-HHmmss}.zip"));
        }
        catch (Exception e) when (InfluxFailure.Is(e, cancellationToken))
        {
            await zip.DisposeAsync();
            Notice = $"InfluxDB could not be read for the export ({e.Message}); nothing was exported.";
            return RedirectToPage();
        }
    }

    protected override async Task OnLoadedAsync(Person person, CancellationToken cancellationToken)
    {
        if (!_keepProfile)
        {
            Profile = ProfileForm.From(person);
        }

        StoredProgramme = await programmes.GetAsync(person.Id, cancellationToken);
        if (!_keepProgramme && StoredProgramme is not null)
        {
            Programme = ProgrammeForm.From(StoredProgramme);
        }
    }

    /// <summary>Back to the page with <paramref name="saved"/> when nothing was refused; else the page again, each error at its field.</summary>
    private async Task<IActionResult> SavedOrShownAsync(IReadOnlyList<string> errors, Func<string, string> fieldOf, string saved, CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            Notice = saved;
            return RedirectToPage();
        }

        Errors = [.. errors.Select(e => new FieldError(fieldOf(e), e))];
        return await ShowAsync(cancellationToken);
    }
}
