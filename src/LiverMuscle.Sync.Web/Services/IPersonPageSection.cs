namespace LiverMuscle.Sync.Web.Services;

/// <summary>
/// A section other components add to the person page and to an invited person's page (logging forms of their
/// own): a partial view whose model is the page's <c>PersonPageModel</c>, rendered in the order registered. Its
/// forms post to the component's own pages (<c>asp-page</c>), which check <c>User.MayActFor(personId)</c>.
/// </summary>
public interface IPersonPageSection
{
    /// <summary>The partial view's name or path, e.g. <c>/Pages/Programme/_Section.cshtml</c>.</summary>
    string PartialName { get; }
}
