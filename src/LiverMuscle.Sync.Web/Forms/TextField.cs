namespace LiverMuscle.Sync.Web.Forms;

/// <summary>One labelled input as the <c>_TextField</c> partial renders it, with its hint and error (if any) tied to it for screen readers.</summary>
internal sealed record TextField(string Id, string Name, string Label, string? Value, string? Hint = null, string? Error = null, string Type = "text", string? AutoComplete = null, bool Required = false, string? InputMode = null);
