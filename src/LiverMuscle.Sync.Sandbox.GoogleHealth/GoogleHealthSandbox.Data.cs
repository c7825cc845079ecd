namespace LiverMuscle.Sync.Sandbox.GoogleHealth;

public sealed partial class GoogleHealthSandbox
{
    /// <summary>The user's exercise sessions as served (deleted and malformed ones excluded), oldest first.</summary>
    public IReadOnlyList<SandboxExercise> Exercises(string id) => Records<SandboxExercise>(id, DataTypeCatalog.Exercise);

    public IReadOnlyList<SandboxNutritionLog> NutritionLogs(string id) => Records<SandboxNutritionLog>(id, DataTypeCatalog.NutritionLog);

    /// <summary>Weight samples in grams, oldest first.</summary>
    public IReadOnlyList<SandboxSample> Weights(string id) => Records<SandboxSample>(id, DataTypeCatalog.Weight);

    /// <summary>Body-fat samples in percent, oldest first.</summary>
    public IReadOnlyList<SandboxSample> BodyFats(string id) => Records<SandboxSample>(id, DataTypeCatalog.BodyFat);

    /// <summary>Height samples in millimetres, oldest first.</summary>
    public IReadOnlyList<SandboxSample> Heights(string id) => Records<SandboxSample>(id, DataTypeCatalog.Height);

    /// <summary>The user's fixed UTC offset (every generated and added point carries it).</summary>
    public TimeSpan UtcOffset(string id) => User(id).UtcOffset;

    /// <summary>Adds a manual food entry of 15 minutes at <paramref name="start"/>, in the user's UTC offset.</summary>
    public SandboxNutritionLog AddNutritionLog(string id, DateTimeOffset start, double proteinGrams, double kcal)
    {
        var user = User(id);
        lock (user)
        {
            var point = SyntheticHistory.Meal(user, user.Rng, start.ToUniversalTime(), "SNACK", "Sandbox test food", proteinGrams, kcal);
            var record = (SandboxNutritionLog)point.Record! with { End = start.ToUniversalTime().AddMinutes(15) };
            var stored = PointFactory.Nutrition(record, PointSource.FitbitManual, null);
            user.Points.Add(stored);
            return record;
        }
    }

    /// <summary>Adds an actively measured session (watch, START/STOP events) in the user's UTC offset.</summary>
    public SandboxExercise AddExercise(string id, DateTimeOffset start, TimeSpan duration, string exerciseType)
    {
        var user = User(id);
        lock (user)
        {
            var point = SyntheticHistory.Exercise(user, user.Rng, start.ToUniversalTime(), duration, exerciseType, passive: false, _options);
            user.Points.Add(point);
            return (SandboxExercise)point.Record!;
        }
    }

    /// <summary>
    /// Deletes a data point by its full name (<c>users/{id}/dataTypes/{type}/dataPoints/{pointId}</c>); the event is
    /// gone, so the records other sources hold of it (<see cref="Copies"/>) go with it.
    /// </summary>
    public void Delete(string id, string dataPointName)
    {
        var user = User(id);
        lock (user)
        {
            var point = user.Points.Find(p => p.Name == dataPointName && !p.Deleted)
                ?? throw new KeyNotFoundException($"User {id} has no data point {dataPointName}.");
            point.Deleted = true;
            user.Points.FindAll(p => p.Copy?.CopyOf == dataPointName).ForEach(p => p.Deleted = true);
        }
    }

    /// <summary>Whether the list serves the point without its <c>name</c> (as Health Connect samples come).</summary>
    public bool IsServedWithoutName(string id, string dataPointName)
    {
        var user = User(id);
        lock (user)
        {
            return user.Points.Find(p => p.Name == dataPointName)?.Json()["name"] is null;
        }
    }

    /// <summary>The records other sources hold of the user's events (see <see cref="GoogleHealthSandboxOptions.MultiSource"/>), not deleted.</summary>
    public IReadOnlyList<SandboxCopy> Copies(string id)
    {
        var user = User(id);
        lock (user)
        {
            return [.. user.Points.Where(p => p.Copy is not null && !p.Deleted).Select(p => p.Copy!)];
        }
    }

    /// <summary>
    /// Adds a point of <paramref name="dataType"/> (kebab-case) whose payload a strict client must reject: weight,
    /// body-fat and height carry a string where a number belongs; exercise lacks <c>interval.endTime</c>;
    /// nutrition-log has protein grams <c>"lots"</c>. Returns its name. Not part of the typed lists.
    /// </summary>
    public string AddMalformed(string id, string dataType, DateTimeOffset at)
    {
        if (DataTypeCatalog.Find(dataType) is not { Id: DataTypeCatalog.Exercise or DataTypeCatalog.NutritionLog or DataTypeCatalog.Weight or DataTypeCatalog.BodyFat or DataTypeCatalog.Height })
        {
            throw new ArgumentException($"Cannot make a malformed point of data type '{dataType}'.", nameof(dataType));
        }

        var user = User(id);
        lock (user)
        {
            var pointId = user.NewId(1_000_000_000_000_000_000, long.MaxValue);
            var name = PointFactory.Name(user, dataType, pointId);
            user.Points.Add(PointFactory.Malformed(name, dataType, at.ToUniversalTime(), user.UtcOffset));
            return name;
        }
    }

    private List<T> Records<T>(string id, string type)
    {
        var user = User(id);
        lock (user)
        {
            return [.. user.Points.Where(p => p.DataType == type && !p.Deleted && p.Record is T).OrderBy(p => p.Time).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => (T)p.Record!)];
        }
    }
}
