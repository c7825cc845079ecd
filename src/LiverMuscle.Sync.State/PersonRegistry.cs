namespace LiverMuscle.Sync.State;

/// <summary>
/// Adds and changes people: every value is checked, nothing is stored when one is wrong. The command line and the
/// console both go through here.
/// </summary>
public sealed class PersonRegistry(IPersonStore people, TimeProvider time)
{
    public async Task<PersonEdit> AddAsync(string personId, PersonChanges changes, CancellationToken cancellationToken)
    {
        if (PersonId.Problem(personId, "person id") is { } invalid)
        {
            return PersonEdit.Failed(invalid);
        }

        var now = time.GetUtcNow();
        var errors = new List<string>();
        var person = PersonChangeApplier.Apply(Person.Create(personId, TimeZoneInfo.Utc.Id, TimeZoneOrigin.Default, now), changes, now, errors);
        if (errors.Count > 0)
        {
            return new PersonEdit(null, errors);
        }

        return await people.AddAsync(person, cancellationToken)
            ? new PersonEdit(person, [], Created: true)
            : PersonEdit.Failed($"A person '{personId}' exists already; change them with 'people set {personId}'.");
    }

    public async Task<PersonEdit> SetAsync(string personId, PersonChanges changes, CancellationToken cancellationToken)
    {
        if (await people.GetAsync(personId, cancellationToken) is not { } current)
        {
            return PersonEdit.Failed(Unknown(personId));
        }

        var errors = new List<string>();
        var person = PersonChangeApplier.Apply(current, changes, time.GetUtcNow(), errors);
        if (errors.Count > 0)
        {
            return new PersonEdit(null, errors);
        }

        return await people.UpdateAsync(person, cancellationToken) ? new PersonEdit(person, []) : PersonEdit.Failed(Unknown(personId));
    }

    /// <summary>
    /// For verbs that act for a person and create them when missing (auth, import, demo): a zone given becomes the
    /// person's own; without one a new person has UTC until a provider reports their zone. Never the zone of the
    /// machine this runs on.
    /// </summary>
    public async Task<PersonEdit> EnsureAsync(string personId, string? timeZone, CancellationToken cancellationToken)
    {
        var changes = new PersonChanges { TimeZone = string.IsNullOrWhiteSpace(timeZone) ? null : timeZone };
        if (await people.GetAsync(personId, cancellationToken) is not { } existing)
        {
            var added = await AddAsync(personId, changes, cancellationToken);
            // Another process may have added them meanwhile.
            return added.Succeeded || await people.GetAsync(personId, cancellationToken) is null ? added : await SetAsync(personId, changes, cancellationToken);
        }

        return changes.TimeZone is null ? new PersonEdit(existing, []) : await SetAsync(personId, changes, cancellationToken);
    }

    public static string Unknown(string personId) =>
        $"No person '{personId}' in the state store; add them with 'livermuscle-sync people add {personId}' (or connect a provider with 'auth').";
}
