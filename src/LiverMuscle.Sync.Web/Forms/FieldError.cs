namespace LiverMuscle.Sync.Web.Forms;

/// <summary>A refused value: the id of its control (for the error summary's link and <c>aria-describedby</c>) and the line saying what is wrong.</summary>
internal sealed record FieldError(string FieldId, string Message);
