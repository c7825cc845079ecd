namespace LiverMuscle.Sync.State.Programmes;

/// <summary>
/// Reads and changes a person's programme: every value is checked, nothing is stored when one is wrong. The command
/// line and the console both go through here.
/// </summary>
public sealed class ProgrammeRegistry(IPersonStore people, IProgrammeStore programmes, TimeProvider time)
{
    /// <summary>The person's programme (<see cref="Programme.None"/> when they have not set one); null for an unknown person.</summary>
    public async Task<Programme?> GetAsync(string personId, CancellationToken cancellationToken) =>
        await people.GetAsync(personId, cancellationToken) is null ? null : await programmes.GetAsync(personId, cancellationToken) ?? Programme.None(personId);

    public async Task<ProgrammeEdit> SetAsync(string personId, ProgrammeChanges changes, CancellationToken cancellationToken)
    {
        if (await GetAsync(personId, cancellationToken) is not { } current)
        {
            return ProgrammeEdit.Failed(PersonRegistry.Unknown(personId));
        }

        var errors = new List<string>();
        var programme = ProgrammeChangeApplier.Apply(current, changes, time.GetUtcNow(), errors);
        if (errors.Count > 0)
        {
            return new ProgrammeEdit(null, errors);
        }

        await programmes.SaveAsync(programme, cancellationToken);
        return new ProgrammeEdit(programme, []);
    }

    /// <summary>What <see cref="SetAsync"/> would refuse, storing nothing; a person not stored yet is checked against an empty programme.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string personId, ProgrammeChanges changes, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        ProgrammeChangeApplier.Apply(await programmes.GetAsync(personId, cancellationToken) ?? Programme.None(personId), changes, time.GetUtcNow(), errors);
        return errors;
    }
}
