using LiverMuscle.Sync.Alerts.Conditions;
using LiverMuscle.Sync.Alerts.Notifications;
using LiverMuscle.Sync.Alerts.Rules;
using LiverMuscle.Sync.State;

namespace LiverMuscle.Sync.Alerts.Tests;

[Trait("Category", "Unit")]
public sealed class AlertStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly AlertRuleOptions Rule = new() { Id = "r", For = TimeSpan.FromMinutes(10), RepeatInterval = TimeSpan.FromHours(1) };
    private static readonly Evaluation Breached = new(true, 5, 3, "breached");
    private static readonly Evaluation Fine = new(false, 1, 3, "fine");

    [Fact]
    public void Firing_BecomesDueAtPendingStartPlusFor_SoAReevaluationOfTheSameStateGivesTheSameEpisode()
    {
        var pending = AlertStateMachine.Step(null, Rule, "u", Breached, T0).State;

        var a = AlertStateMachine.Step(pending, Rule, "u", Breached, T0.AddMinutes(11));
        var b = AlertStateMachine.Step(pending, Rule, "u", Breached, T0.AddMinutes(12));

        Assert.Equal((AlertStatus.Firing, NotificationKind.Firing), (a.State.Status, a.Notification!.Value));
        Assert.Equal(T0.AddMinutes(10), a.State.Since);
        Assert.Equal(a.State.Since, b.State.Since);
    }

    [Fact]
    public void UndeliveredFiringOrResolution_IsStillOwedAtTheNextEvaluation_WithoutASecondTransition()
    {
        var firing = new AlertState("r", "u", AlertStatus.Firing, T0, LastNotifiedAt: null, 5, null, T0);
        var again = AlertStateMachine.Step(firing, Rule, "u", Breached, T0.AddMinutes(1));
        Assert.Equal((null, NotificationKind.Firing), (again.Transition, again.Notification));

        var resolved = AlertStateMachine.Step(firing with { LastNotifiedAt = T0 }, Rule, "u", Fine, T0.AddMinutes(2));
        Assert.Equal((AlertStatus.Resolved, NotificationKind.Resolved), (resolved.Transition!.Value, resolved.Notification!.Value));

        var owed = AlertStateMachine.Step(resolved.State, Rule, "u", Fine, T0.AddMinutes(3));
        Assert.Equal((null, NotificationKind.Resolved), (owed.Transition, owed.Notification));

        var delivered = AlertStateMachine.Step(resolved.State with { LastNotifiedAt = resolved.State.Since }, Rule, "u", Fine, T0.AddMinutes(4));
        Assert.Null(delivered.Notification);
    }

    [Fact]
    public void NoData_LeavesTheStateAlone()
    {
        var firing = new AlertState("r", "u", AlertStatus.Firing, T0, T0, 5, null, T0);

        var step = AlertStateMachine.Step(firing, Rule, "u", null, T0.AddDays(3));

        Assert.Same(firing, step.State);
        Assert.Null(step.Notification);
        Assert.Null(step.Transition);
    }
}
