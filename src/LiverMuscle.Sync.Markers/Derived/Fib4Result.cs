namespace LiverMuscle.Sync.Markers.Derived;

/// <summary>One FIB-4 value: when, the value, the age used and its band.</summary>
public sealed record Fib4Result(DateTimeOffset Time, double Value, int Age, Fib4Band Band);
