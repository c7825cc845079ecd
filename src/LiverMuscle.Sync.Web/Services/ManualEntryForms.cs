using System.Globalization;
using LiverMuscle.Sync.Pipeline;
using LiverMuscle.Sync.Providers.Manual;
using LiverMuscle.Sync.Web.Forms;
using LiverMuscle.Sync.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>
/// The console's session, protein, daily-totals and Fitbit export forms, read into the calls <c>log session</c>,
/// <c>log protein</c>, <c>import daily-totals</c> and <c>import fitbit-export</c> make (<see cref="ManualEntries"/>,
/// <see cref="FitbitExportRunner"/>), and their results told in the lines those verbs print.
/// </summary>
internal sealed class ManualEntryForms(ManualEntries entries, FitbitExportRunner fitbit, IOptionsMonitor<ConsoleOptions> options)
{
    public async Task<EntryReport> LogSessionAsync(string personId, StrengthSessionForm form, CancellationToken cancellationToken)
    {
        const string title = "Strength session";
        var date = ManualEntryMessages.ParseDay(form.Date, "date", out var dateProblem);
        var minutes = int.TryParse(form.Minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : (int?)null;
        var problems = new[] { dateProblem, minutes is null ? $"minutes '{form.Minutes}' is not a whole number of minutes." : null }.OfType<string>().ToList();
        return problems.Count > 0
            ? new EntryReport(title, 0, [], problems)
            : Describe(title, await entries.LogSessionAsync(personId, date!.Value, form.Kind ?? string.Empty, minutes!.Value, cancellationToken));
    }

    public async Task<EntryReport> LogProteinAsync(string personId, ProteinForm form, CancellationToken cancellationToken)
    {
        const string title = "Protein";
        var date = ManualEntryMessages.ParseDay(form.Date, "date", out var dateProblem);
        var grams = double.TryParse(form.Grams?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var g) && double.IsFinite(g) ? g : (double?)null;
        var problems = new[] { dateProblem, grams is null ? $"grams '{form.Grams}' is not a number." : null }.OfType<string>().ToList();
        return problems.Count > 0
            ? new EntryReport(title, 0, [], problems)
            : Describe(title, await entries.LogProteinAsync(personId, date!.Value, grams!.Value, cancellationToken));
    }

    public async Task<EntryReport> ImportDailyTotalsAsync(string personId, IFormFile? file, CancellationToken cancellationToken)
    {
        var title = $"Daily totals {file?.FileName}".TrimEnd();
        if (UploadLimit.Problem(file, options.CurrentValue.MaxUploadBytes, "a daily-totals CSV") is { } problem)
        {
            return new EntryReport(title, 0, [], [$"{EntryError.File}: {problem}"]);
        }

        await using var content = file!.OpenReadStream();
        return Describe(title, await entries.ImportDailyTotalsAsync(personId, content, cancellationToken));
    }

    public async Task<EntryReport> ImportFitbitExportAsync(string personId, IFormFile? file, CancellationToken cancellationToken)
    {
        var title = $"Fitbit export {file?.FileName}".TrimEnd();
        if (UploadLimit.Problem(file, options.CurrentValue.MaxExportUploadBytes, "the Fitbit export's .zip file", UploadSizeCap.ExportKey) is { } problem)
        {
            return new EntryReport(title, 0, [], [$"{EntryError.File}: {problem}"]);
        }

        await using var zip = TemporaryFile();
        await file!.CopyToAsync(zip, cancellationToken);
        zip.Position = 0;
        var outcome = await fitbit.ImportZipAsync(personId, zip, file.FileName, cancellationToken);
        if (outcome.Problem is { } refused)
        {
            return new EntryReport(title, 0, [], [refused]);
        }

        var errors = outcome.Report!.Errors.Select(e => $"{e.RecordId}: {e.Reason}").ToList();
        if (outcome.Report.Files == 0)
        {
            errors.Add($"{EntryError.File}: no file of a Fitbit export was found in the archive; upload the export's .zip as downloaded");
        }

        return new EntryReport(title, outcome.Run!.Records, [.. outcome.Lines, .. outcome.Report.Notes], errors);
    }

    /// <summary>A file of its own for an uploaded archive (read by seeking in it): readable by this user only, deleted on close.</summary>
    private static FileStream TemporaryFile()
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"livermuscle-upload-{Guid.NewGuid():N}.zip"), fileOptions);
    }

    private static EntryReport Describe(string title, ManualEntryResult result) => new(
        title,
        result.Stored.Count,
        [
            .. result.Stored.Select(ManualEntryMessages.Stored),
            .. result.Run is { } run ? [SyncRunDescription.Describe(run)] : Array.Empty<string>(),
            .. ManualEntryMessages.IgnoredColumns(result) is { } ignored ? [ignored] : Array.Empty<string>(),
        ],
        [.. result.Errors.Select(e => ManualEntryMessages.Error(result, e, string.Empty))]);
}
