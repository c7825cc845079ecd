using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiverMuscle.Sync.Sandbox.Withings;

/// <summary>getmeas and getworkouts over a user's data, with Withings' filters and paging quirks.</summary>
internal sealed class SandboxData(WithingsSandboxOptions options)
{
    private int _lastPages;

    public IResult GetMeas(SandboxUser user, IFormCollection form, long now)
    {
        if (form["category"].ToString() is { Length: > 0 } c && c != "1")
        {
            return SandboxResponses.Ok(new JsonObject { ["updatetime"] = now, ["timezone"] = user.TimeZone, ["measuregrps"] = new JsonArray() });
        }

        var types = (form["meastypes"].ToString() + "," + form["meastype"].ToString())
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToHashSet();
        var start = Long(form, "startdate");
        var end = Long(form, "enddate");
        var lastUpdate = Long(form, "lastupdate");
        var offset = (int)(Long(form, "offset") ?? 0);
        List<SandboxGroup> matching;
        lock (user)
        {
            matching = [.. user.Groups
                .Where(g => !g.Deleted && (start is null || g.Date >= start) && (end is null || g.Date <= end) && (lastUpdate is null || g.Modified > lastUpdate))
                .Where(g => types.Count == 0 || g.Measures.Any(m => types.Contains(m.Type)))
                .OrderBy(g => g.Date).ThenBy(g => g.GrpId)];
        }

        var page = matching.Skip(offset).Take(options.MeasurePageSize).ToList();
        var groups = new JsonArray();
        foreach (var group in page)
        {
            groups.Add(GroupJson(group, types));
            lock (user)
            {
                user.ServedGroups.Add(group.GrpId);
            }
        }

        var body = new JsonObject { ["updatetime"] = now, ["timezone"] = user.TimeZone, ["measuregrps"] = groups };
        Paging(body, offset + page.Count < matching.Count, offset + page.Count, asBoolean: false);
        return SandboxResponses.Ok(body);
    }

    public IResult GetWorkouts(SandboxUser user, IFormCollection form)
    {
        var startYmd = form["startdateymd"].ToString();
        var endYmd = form["enddateymd"].ToString();
        var lastUpdate = Long(form, "lastupdate");
        if (startYmd.Length > 0 && lastUpdate is not null)
        {
            return SandboxResponses.Error(503, "Invalid Params: startdateymd and lastupdate cannot be combined");
        }

        if (startYmd.Length > 0 != endYmd.Length > 0)
        {
            return SandboxResponses.Error(503, "Invalid Params: enddateymd is required with startdateymd");
        }

        var fields = form["data_fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var offset = (int)(Long(form, "offset") ?? 0);
        List<SandboxWorkout> matching;
        TimeZoneInfo zone;
        lock (user)
        {
            // The ymd filter is on each workout's local date, as Withings stores it.
            zone = TimeZoneInfo.FindSystemTimeZoneById(user.TimeZone);
            matching = [.. user.Workouts
                .Where(w => !w.Deleted && (lastUpdate is null || w.Modified > lastUpdate))
                .Where(w => startYmd.Length == 0 || (string.CompareOrdinal(Ymd(w.StartDate, zone), startYmd) >= 0 && string.CompareOrdinal(Ymd(w.StartDate, zone), endYmd) <= 0))
                .OrderBy(w => w.StartDate).ThenBy(w => w.Id)];
        }

        var page = matching.Skip(offset).Take(options.WorkoutPageSize).ToList();
        var series = new JsonArray();
        foreach (var workout in page)
        {
            var data = new JsonObject();
            Put(data, fields, "calories", workout.Calories);
            Put(data, fields, "hr_average", workout.HrAverage);
            Put(data, fields, "pause_duration", workout.PauseDuration);
            Put(data, fields, "steps", 0);
            series.Add(new JsonObject
            {
                ["id"] = workout.Id,
                ["category"] = workout.Category,
                ["timezone"] = zone.Id,
                ["model"] = 93,
                ["attrib"] = 0,
                ["startdate"] = workout.Malformed ? JsonValue.Create("soon") : JsonValue.Create(workout.StartDate),
                ["enddate"] = workout.EndDate,
                ["date"] = Ymd(workout.StartDate, zone),
                ["deviceid"] = workout.Id % 3 == 0 ? JsonValue.Create(15_542_329L) : JsonValue.Create("7e2d4c1b0a99887766554433221100ffeeddccbb"),
                ["modified"] = workout.Modified,
                ["data"] = data,
            });
            lock (user)
            {
                user.ServedWorkouts.Add(workout.Id);
            }
        }

        var body = new JsonObject { ["series"] = series };
        Paging(body, offset + page.Count < matching.Count, offset + page.Count, asBoolean: true);
        return SandboxResponses.Ok(body);
    }

    private static JsonObject GroupJson(SandboxGroup group, HashSet<int> types)
    {
        var measures = new JsonArray();
        foreach (var m in group.Measures.Where(m => types.Count == 0 || types.Contains(m.Type)))
        {
            var measure = new JsonObject { ["value"] = m.Value, ["type"] = m.Type, ["unit"] = m.Unit, ["algo"] = 0, ["fm"] = group.Attrib == 2 ? 128 : 3 };
            if (m.Position is { } p)
            {
                measure["position"] = p;
            }

            measures.Add(measure);
        }

        return new JsonObject
        {
            ["grpid"] = group.GrpId,
            ["attrib"] = group.Attrib,
            ["date"] = group.Date,
            ["created"] = group.Created,
            ["modified"] = group.Modified,
            ["category"] = 1,
            ["deviceid"] = DeviceId(group.DeviceId),
            ["hash_deviceid"] = DeviceId(group.DeviceId),
            ["measures"] = measures,
            ["modelid"] = group.ModelId,
            ["model"] = group.Model,
            ["comment"] = null,
        };
    }

    /// <summary>Device ids of some devices (Body Pro 2) are JSON numbers in real answers; the others are hex strings.</summary>
    private static JsonValue? DeviceId(string? id) =>
        id is null ? null : long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(id);

    /// <summary>On the last page <c>more</c>/<c>offset</c> are present every other time, as real answers vary.</summary>
    private void Paging(JsonObject body, bool more, int nextOffset, bool asBoolean)
    {
        if (more)
        {
            body["more"] = asBoolean ? true : 1;
            body["offset"] = nextOffset;
        }
        else if (Interlocked.Increment(ref _lastPages) % 2 == 0)
        {
            body["more"] = asBoolean ? false : 0;
            body["offset"] = 0;
        }
    }

    private static void Put(JsonObject data, HashSet<string> fields, string name, int value)
    {
        if (fields.Contains(name))
        {
            data[name] = value;
        }
    }

    private static string Ymd(long unix, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(unix), zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long? Long(IFormCollection form, string key) =>
        long.TryParse(form[key].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
