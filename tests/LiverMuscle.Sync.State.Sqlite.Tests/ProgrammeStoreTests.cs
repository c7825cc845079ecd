using LiverMuscle.Sync.State.Programmes;
using Xunit;

namespace LiverMuscle.Sync.State.Sqlite.Tests;

public sealed class ProgrammeStoreTests
{
    [Fact]
    public async Task Set_RoundTripsEveryValueThroughAReopenedStore_AndAnEmptyValueClearsIt()
    {
        using var directory = new TempDirectory();
        var switchedOn = DateTimeOffset.MinValue;
        using (var state = new StateHarness(directory.Path))
        {
            await state.Get<PersonRegistry>().AddAsync("alice", new PersonChanges(), CancellationToken.None);
            var programmes = state.Get<ProgrammeRegistry>();
            Assert.Equal(Programme.None("alice"), await programmes.GetAsync("alice", CancellationToken.None));

            var edit = await programmes.SetAsync("alice", new ProgrammeChanges
            {
                TrainingDays = "Fri, mon,WED,monday", TrainingHour = "18", SelfTestMonthly = "true", RecheckIntervalDays = "120",
                ProteinReminderHour = "20:30", ProteinReminderBelow = "0.6",
            }, CancellationToken.None);

            Assert.True(edit.Succeeded, string.Join("; ", edit.Errors));
            switchedOn = state.Time.GetUtcNow();
            state.Time.Advance(TimeSpan.FromDays(3));
            // Switching the self-test on again keeps the day it was first switched on.
            Assert.True((await programmes.SetAsync("alice", new ProgrammeChanges { SelfTestMonthly = "yes" }, CancellationToken.None)).Succeeded);
        }

        using (var reopened = new StateHarness(directory.Path))
        {
            var stored = await reopened.Get<ProgrammeRegistry>().GetAsync("alice", CancellationToken.None);
            Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], stored!.TrainingDays);
            Assert.Equal(
                (new TimeOnly(18, 0), switchedOn, 120, new TimeOnly(20, 30), 0.6),
                (stored.TrainingTime!.Value, stored.SelfTestSince!.Value, stored.RecheckIntervalDays!.Value, stored.ProteinReminderTime!.Value, stored.ProteinReminderBelow!.Value));

            var cleared = await reopened.Get<ProgrammeRegistry>().SetAsync("alice", new ProgrammeChanges
            {
                TrainingDays = "", TrainingHour = "", SelfTestMonthly = "", RecheckIntervalDays = "", ProteinReminderHour = "", ProteinReminderBelow = "",
            }, CancellationToken.None);
            Assert.Equal(Programme.None("alice") with { UpdatedAt = reopened.Time.GetUtcNow() }, cleared.Programme);
            Assert.Equal(cleared.Programme, await reopened.Get<IProgrammeStore>().GetAsync("alice", CancellationToken.None));
            Assert.Equal((Programme.DefaultTrainingTime, 90, 0.5), (cleared.Programme!.EffectiveTrainingTime, cleared.Programme.EffectiveRecheckIntervalDays, cleared.Programme.EffectiveProteinReminderBelow));
            Assert.Equal(0, (await reopened.Get<ProgrammeRegistry>().SetAsync("alice", new ProgrammeChanges { RecheckIntervalDays = "0" }, CancellationToken.None)).Programme!.EffectiveRecheckIntervalDays);
        }
    }

    [Fact]
    public async Task Set_WithBadValues_StoresNothingAndNamesEachOne_AndAnUnknownPersonIsRefused()
    {
        using var directory = new TempDirectory();
        using var state = new StateHarness(directory.Path);
        await state.Get<PersonRegistry>().AddAsync("alice", new PersonChanges(), CancellationToken.None);
        var programmes = state.Get<ProgrammeRegistry>();

        var edit = await programmes.SetAsync("alice", new ProgrammeChanges
        {
            TrainingDays = "mon,funday", TrainingHour = "24", SelfTestMonthly = "monthly", RecheckIntervalDays = "-5",
            ProteinReminderHour = "8pm", ProteinReminderBelow = "50",
        }, CancellationToken.None);

        Assert.Equal(
            [
                "training days 'mon,funday' must be weekdays separated by commas, e.g. mon,wed,fri ('funday' is not one).",
                "training hour '24' must be an hour of the day, 0 to 23 (e.g. 18) or hh:mm (e.g. 18:30).",
                "self-test monthly 'monthly' must be true or false.",
                "re-check interval '-5' must be a whole number of days from 1 to 730, or 0 / off for no re-check reminder.",
                "protein reminder hour '8pm' must be an hour of the day, 0 to 23 (e.g. 18) or hh:mm (e.g. 18:30).",
                "protein reminder below '50' must be a fraction of the day's goal above 0 and at most 1 (e.g. 0.5 for 50 %).",
            ],
            edit.Errors);
        Assert.Null(await state.Get<IProgrammeStore>().GetAsync("alice", CancellationToken.None));
        Assert.Equal(edit.Errors, await programmes.CheckAsync("bob", new ProgrammeChanges
        {
            TrainingDays = "mon,funday", TrainingHour = "24", SelfTestMonthly = "monthly", RecheckIntervalDays = "-5",
            ProteinReminderHour = "8pm", ProteinReminderBelow = "50",
        }, CancellationToken.None));

        Assert.Equal(["training hour '18\\u000a19' must be an hour of the day, 0 to 23 (e.g. 18) or hh:mm (e.g. 18:30)."],
            await programmes.CheckAsync("alice", new ProgrammeChanges { TrainingHour = "18\n19" }, CancellationToken.None));
        Assert.StartsWith("No person 'bob' in the state store", Assert.Single((await programmes.SetAsync("bob", new ProgrammeChanges { TrainingDays = "mon" }, CancellationToken.None)).Errors), StringComparison.Ordinal);
        Assert.Null(await programmes.GetAsync("bob", CancellationToken.None));
    }

    [Fact]
    public async Task ReminderLog_KeepsTheFirstOutcomeOfAnOccasion_AcrossProcesses()
    {
        using var directory = new TempDirectory();
        using var first = new StateHarness(directory.Path);
        using var second = new StateHarness(directory.Path);
        var day = new DateOnly(2026, 11, 4);
        var at = first.Time.GetUtcNow();

        await first.Get<IReminderLog>().RecordAsync(new ReminderOccasion("alice", ReminderKind.TrainingDay, day, ReminderOutcome.Sent, at), CancellationToken.None);
        await second.Get<IReminderLog>().RecordAsync(new ReminderOccasion("alice", ReminderKind.TrainingDay, day, ReminderOutcome.NotNeeded, at.AddMinutes(5)), CancellationToken.None);
        await second.Get<IReminderLog>().RecordAsync(new ReminderOccasion("alice", ReminderKind.Protein, day.AddDays(1), ReminderOutcome.NotNeeded, at), CancellationToken.None);

        Assert.True(await second.Get<IReminderLog>().IsDecidedAsync("alice", ReminderKind.TrainingDay, day, CancellationToken.None));
        Assert.False(await second.Get<IReminderLog>().IsDecidedAsync("alice", ReminderKind.TrainingDay, day.AddDays(1), CancellationToken.None));
        Assert.False(await second.Get<IReminderLog>().IsDecidedAsync("bob", ReminderKind.TrainingDay, day, CancellationToken.None));
        Assert.Equal(
            [new ReminderOccasion("alice", ReminderKind.Protein, day.AddDays(1), ReminderOutcome.NotNeeded, at), new ReminderOccasion("alice", ReminderKind.TrainingDay, day, ReminderOutcome.Sent, at)],
            await first.Get<IReminderLog>().ListAsync("alice", CancellationToken.None));
    }
}
