namespace LiverMuscle.Sync.Markers.Derived;

public enum Fib4Band
{
    Low,
    Indeterminate,
    High,
}
