using System.Globalization;
using System.Text;
using LiverMuscle.Sync.Adherence;
using LiverMuscle.Sync.Markers;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.People;

/// <summary>A person as <c>people show</c> prints them: each value, and whether it is their own or comes from configuration.</summary>
public static class PersonDescription
{
    public static string Describe(Person person, MarkerUserProfile profile, ResolvedGoals goals, IEnumerable<ProviderConnection> connections)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{person.Id} ({person.DisplayName})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  time zone: {person.TimeZone} ({Origin(person.TimeZoneOrigin)})");
        Line(text, "birth date", Date(person.BirthDate), Date(profile.BirthDate));
        Line(text, "sex", person.Sex, profile.Sex);
        Line(text, "height (m)", Number(person.HeightM), Number(profile.HeightM));
        Line(text, "goal, resistance sessions per week", Number(person.Goals.SessionsPerWeek), Number(goals.SessionsPerWeek));
        Line(text, "goal, resistance minutes per week", Number(person.Goals.ResistanceMinutesPerWeek), Number(goals.ResistanceMinutesPerWeek));
        Line(text, "goal, protein g/kg/day", Number(person.Goals.ProteinGPerKgPerDay), Number(goals.ProteinGPerKgPerDay));
        text.AppendLine($"  weight for protein per kg: {person.WeightSource ?? "the latest of any source"}");
        text.AppendLine(person.Recipients.Count > 0
            ? $"  notification recipients: {string.Join(", ", person.Recipients)}"
            : "  notification recipients: none of their own (e-mail notifiers use their Recipients or To)");
        foreach (var connection in connections.OrderBy(c => c.Provider, StringComparer.Ordinal))
        {
            text.AppendLine($"  {connection.Provider}: {Connection(connection)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  added {person.CreatedAt.UtcDateTime:u}, changed {person.UpdatedAt.UtcDateTime:u}");
        return text.ToString();
    }

    public static string Connection(ProviderConnection connection) => connection.Status switch
    {
        ConnectionStatus.Connected when connection.Token is { } token => string.Create(CultureInfo.InvariantCulture, $"connected (access token until {token.AccessTokenExpiresAt.UtcDateTime:u})"),
        ConnectionStatus.Connected => "connected",
        ConnectionStatus.NeedsReauthorization => "needs re-authorisation" + (connection.StatusReason is { } r ? $" ({r})" : string.Empty),
        _ => "disconnected" + (connection.StatusReason is { } d ? $" ({d})" : string.Empty),
    };

    private static string Origin(TimeZoneOrigin origin) => origin switch
    {
        TimeZoneOrigin.Person => "the person's own",
        TimeZoneOrigin.Provider => "reported by a provider",
        _ => "default until a provider reports one",
    };

    private static void Line(StringBuilder text, string name, string? own, string? effective) =>
        text.AppendLine($"  {name}: {own ?? (effective is null ? "not set" : $"{effective} (configured or default)")}");

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);
}
