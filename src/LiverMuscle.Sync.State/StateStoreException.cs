namespace LiverMuscle.Sync.State;

/// <summary>
/// The state store cannot be used as it is (rights, key, a damaged or foreign file). The message says what is wrong
/// and what to do; it never holds a secret.
/// </summary>
public sealed class StateStoreException(string message, Exception? inner = null) : Exception(message, inner);
