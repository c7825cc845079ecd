namespace LiverMuscle.Sync.State;

/// <summary>People as stored: profile, goals, recipients, time zone. <see cref="IUserStore"/> is the narrow view syncs use.</summary>
public interface IPersonStore
{
    Task<Person?> GetAsync(string personId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new person; false when the id is taken (nothing changes then).</summary>
    Task<bool> AddAsync(Person person, CancellationToken cancellationToken);

    /// <summary>Replaces a stored person's values (not <see cref="Person.CreatedAt"/>); false when there is no such person.</summary>
    Task<bool> UpdateAsync(Person person, CancellationToken cancellationToken);

    /// <summary>
    /// A provider reports the person's IANA time zone (Google Health user settings, Withings' <c>timezone</c> on
    /// measure answers): it becomes theirs unless they set their own or another provider's zone is already theirs
    /// (two providers that disagree would otherwise move every day and week stamp back and forth).
    /// </summary>
    Task<ProviderTimeZoneOutcome> ReportProviderTimeZoneAsync(string personId, string provider, string timeZone, CancellationToken cancellationToken);
}
