namespace LiverMuscle.Sync.State.Programmes;

/// <summary>The outcome of changing a programme: the stored programme, or the lines saying what was refused.</summary>
public sealed record ProgrammeEdit(Programme? Programme, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ProgrammeEdit Failed(string error) => new(null, [error]);
}
