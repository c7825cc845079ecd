namespace LiverMuscle.Sync.Providers.GoogleHealth.Import;

/// <summary>The files of an export that an import reads; every other file (heart rate, sleep, steps…) is left alone.</summary>
internal enum ExportFileKind
{
    None,

    /// <summary><c>Global Export Data/exercise-N.json</c>: legacy activity log, start times in UTC.</summary>
    ExerciseJson,

    /// <summary><c>Health Fitness Data_GoogleData/UserExercises_*.csv</c>: UTC start and end.</summary>
    ExerciseCsv,

    /// <summary><c>Global Export Data/weight-*.json</c>: local date and time, weight in the account's unit.</summary>
    WeightJson,

    /// <summary><c>Physical Activity_GoogleData/weight.csv</c> or <c>weight_*.csv</c>: grams, UTC.</summary>
    WeightCsv,

    /// <summary><c>Physical Activity_GoogleData/body_fat_*.csv</c>: percent, UTC.</summary>
    BodyFatCsv,

    /// <summary><c>Your Profile/Profile.csv</c> (or a fitbit.com archive's <c>Profile.csv</c>) with <c>weight_unit</c>.</summary>
    Profile,

    /// <summary><c>Health Fitness Data_GoogleData/UserAppSettingData.csv</c>, whose <c>weight system</c> names the unit.</summary>
    AppSettings,
}
