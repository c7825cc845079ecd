namespace LiverMuscle.Sync.Normalization;

public enum PointFate
{
    /// <summary>Stored by the database.</summary>
    Accepted,

    /// <summary>Kept in the durable write spool; replayed when the database answers again.</summary>
    Kept,

    /// <summary>Refused by the database, which named it and said why.</summary>
    Rejected,

    /// <summary>
    /// The database stored part of the batch and dropped the rest without naming which points it dropped; this point
    /// may be among them. Counted as rejected, never as accepted.
    /// </summary>
    RejectedUnknown,
}
