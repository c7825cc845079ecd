namespace LiverMuscle.Sync.State;

/// <summary>Erases every state row of one person in one transaction.</summary>
public interface IPersonStateEraser
{
    Task<StateErasure> EraseAsync(string personId, CancellationToken cancellationToken);
}

/// <summary>How many rows of each kind were erased (kind → count, e.g. <c>connections</c> → 2).</summary>
public sealed record StateErasure(IReadOnlyDictionary<string, int> Rows)
{
    public int Total => Rows.Values.Sum();
}
