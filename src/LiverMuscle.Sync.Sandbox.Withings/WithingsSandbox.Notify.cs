using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.Withings;

public sealed partial class WithingsSandbox
{
    /// <summary>
    /// Posts a notification, form-encoded as Withings does, to every callback the user subscribed for
    /// <paramref name="appli"/>. Returns how many callbacks answered with a status below 400.
    /// </summary>
    public async Task<int> NotifyAsync(long userId, int appli, long startDate, long endDate, CancellationToken cancellationToken)
    {
        List<Uri> callbacks;
        var user = User(userId);
        lock (user)
        {
            callbacks = [.. user.Subscriptions.Where(s => s.Appli == appli).Select(s => s.Callback)];
        }

        var delivered = 0;
        foreach (var callback in callbacks)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userid"] = userId.ToString(CultureInfo.InvariantCulture),
                ["appli"] = appli.ToString(CultureInfo.InvariantCulture),
                ["startdate"] = startDate.ToString(CultureInfo.InvariantCulture),
                ["enddate"] = endDate.ToString(CultureInfo.InvariantCulture),
            });
            try
            {
                using var response = await Callbacks.PostAsync(callback, content, cancellationToken);
                delivered += (int)response.StatusCode < 400 ? 1 : 0;
            }
            catch (HttpRequestException)
            {
                // Withings retries later; the sandbox only reports the miss.
            }
        }

        return delivered;
    }

    /// <summary>Adds a weigh-in measured at <paramref name="at"/> and, if asked, notifies appli 1.</summary>
    public async Task<SandboxGroup> AddWeighInAsync(long userId, DateTimeOffset at, double weightKg, bool notify, CancellationToken cancellationToken)
    {
        var user = User(userId);
        SandboxGroup group;
        lock (user)
        {
            group = SyntheticHistory.Manual(user, 90_000 + user.Groups.Count, at.ToUnixTimeSeconds(), weightKg);
            group.Modified = Now;
            user.Groups.Add(group);
        }

        if (notify)
        {
            await NotifyAsync(userId, 1, group.Date, group.Date + 1, cancellationToken);
        }

        return group;
    }

    /// <summary>Adds a group whose weight has no value (a record no client can read), to test skipping.</summary>
    public SandboxGroup AddMalformedWeighIn(long userId, DateTimeOffset at)
    {
        var user = User(userId);
        lock (user)
        {
            var group = SyntheticHistory.Manual(user, 95_000 + user.Groups.Count, at.ToUnixTimeSeconds(), 70);
            group.Measures = [new SandboxMeasure(null, 1, -2)];
            group.Modified = Now;
            user.Groups.Add(group);
            return group;
        }
    }

    /// <summary>Adds a strength workout whose <c>startdate</c> no client can read (a record to be reported and skipped).</summary>
    public SandboxWorkout AddMalformedWorkout(long userId, DateTimeOffset at)
    {
        var user = User(userId);
        lock (user)
        {
            var start = at.ToUnixTimeSeconds();
            var workout = new SandboxWorkout { Id = (userId * 100_000) + 99_000 + user.Workouts.Count, Category = 16, StartDate = start, EndDate = start + 2400, Modified = Now, Malformed = true };
            user.Workouts.Add(workout);
            return workout;
        }
    }

    /// <summary>Removes measures of a group (as when the user deletes the weight of a weigh-in but keeps the rest), bumping <c>modified</c>.</summary>
    public void RemoveMeasures(long userId, long grpId, params int[] types)
    {
        var user = User(userId);
        lock (user)
        {
            var group = user.Groups.Single(g => g.GrpId == grpId);
            group.Measures = [.. group.Measures.Where(m => !types.Contains(m.Type))];
            group.Modified = Now;
        }
    }

    /// <summary>Changes the weight of a group (as a user's edit), bumping <c>modified</c>.</summary>
    public void EditWeight(long userId, long grpId, double weightKg)
    {
        var user = User(userId);
        lock (user)
        {
            var group = user.Groups.Single(g => g.GrpId == grpId);
            group.Measures = [.. group.Measures.Where(m => m.Type != 1).Prepend(new SandboxMeasure((long)Math.Round(weightKg * 1000), 1, -3))];
            group.Modified = Now;
        }
    }

    /// <summary>Changes the category of a workout (as a user's edit), bumping <c>modified</c>.</summary>
    public void EditWorkoutCategory(long userId, long workoutId, int category)
    {
        var user = User(userId);
        lock (user)
        {
            var workout = user.Workouts.Single(w => w.Id == workoutId);
            workout.Category = category;
            workout.Modified = Now;
        }
    }

    public void DeleteGroup(long userId, long grpId)
    {
        var user = User(userId);
        lock (user)
        {
            var group = user.Groups.Single(g => g.GrpId == grpId);
            group.Deleted = true;
            group.Modified = Now;
        }
    }

    private async Task<IResult> Notify(SandboxUser user, IFormCollection form)
    {
        var action = Action(form);
        var callback = Uri.TryCreate(form["callbackurl"].ToString(), UriKind.Absolute, out var url) ? url : null;
        switch (action)
        {
            case "subscribe" when callback is not null && Appli(form) is { } appli:
                using (var probe = new HttpRequestMessage(HttpMethod.Head, callback))
                {
                    try
                    {
                        using var answer = await Callbacks.SendAsync(probe);
                        if (!answer.IsSuccessStatusCode)
                        {
                            return SandboxResponses.Error(293, "Callback URL did not answer the HEAD request with 2xx");
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return SandboxResponses.Error(293, "Callback URL unreachable");
                    }
                }

                lock (user)
                {
                    user.Subscriptions.Add((appli, callback));
                }

                return SandboxResponses.Ok(new JsonObject());
            case "list":
                var profiles = new JsonArray();
                lock (user)
                {
                    foreach (var (appli, cb) in user.Subscriptions.Where(s => Appli(form) is not { } a || s.Appli == a))
                    {
                        profiles.Add(new JsonObject { ["appli"] = appli, ["callbackurl"] = cb.AbsoluteUri, ["expires"] = 2147483647, ["comment"] = "livermuscle-sync" });
                    }
                }

                return SandboxResponses.Ok(new JsonObject { ["profiles"] = profiles });
            case "revoke" when callback is not null:
                lock (user)
                {
                    user.Subscriptions.RemoveAll(s => s.Callback == callback && (Appli(form) is not { } a || s.Appli == a));
                }

                return SandboxResponses.Ok(new JsonObject());
            case "subscribe" or "revoke":
                return SandboxResponses.Error(503, "Invalid Params: callbackurl and appli are required");
            default:
                return SandboxResponses.Error(2554, "Not implemented");
        }
    }
}
