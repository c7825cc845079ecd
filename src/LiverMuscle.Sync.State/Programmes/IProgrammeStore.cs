namespace LiverMuscle.Sync.State.Programmes;

/// <summary>The programmes people set; a person without a row follows <see cref="Programme.None"/>.</summary>
public interface IProgrammeStore
{
    Task<Programme?> GetAsync(string personId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Programme>> ListAsync(CancellationToken cancellationToken);

    Task SaveAsync(Programme programme, CancellationToken cancellationToken);
}
