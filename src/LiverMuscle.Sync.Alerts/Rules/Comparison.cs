namespace LiverMuscle.Sync.Alerts.Rules;

public enum Comparison
{
    Above,
    AtOrAbove,
    Below,
    AtOrBelow,
}
