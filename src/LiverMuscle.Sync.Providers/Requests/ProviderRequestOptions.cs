namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>
/// Per-call data of the request path, carried in <see cref="HttpRequestMessage.Options"/> (a Refit method passes them
/// with <c>[Property(ProviderRequestOptions.UserKey)]</c>), never in a handler's fields.
/// </summary>
public static class ProviderRequestOptions
{
    /// <summary>The local user the call is for: the budget scope and whose token is sent.</summary>
    public const string UserKey = "LiverMuscle.User";

    /// <summary>The run's <see cref="RequestTally"/>, counting every attempt.</summary>
    public const string TallyKey = "LiverMuscle.Tally";

    public static readonly HttpRequestOptionsKey<string> User = new(UserKey);

    public static readonly HttpRequestOptionsKey<RequestTally> Tally = new(TallyKey);

    /// <summary>The classification of the latest attempt's answer.</summary>
    public static readonly HttpRequestOptionsKey<ProviderAnswer> Answer = new("LiverMuscle.Answer");

    public static ProviderAnswer? AnswerOf(HttpResponseMessage? response) =>
        response?.RequestMessage is { } request && request.Options.TryGetValue(Answer, out var answer) ? answer : null;

    /// <summary>The user a request is for; the empty string (the application's scope) when it names none.</summary>
    public static string UserOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(User, out var user) ? user : string.Empty;
}
