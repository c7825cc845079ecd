using LiverMuscle.Sync.Web.Security;

namespace LiverMuscle.Sync.Web.Services;

/// <summary>What every person page needs, in one place so a new page (or section) gets them with one parameter.</summary>
internal sealed class PersonPageServices(PersonOverviewReader reader, MarkerEntry markers, ConnectLinks connectLinks, ManualEntryForms entries, TimeProvider time)
{
    public PersonOverviewReader Reader => reader;

    public MarkerEntry Markers => markers;

    public ConnectLinks ConnectLinks => connectLinks;

    public ManualEntryForms Entries => entries;

    public TimeProvider Time => time;
}
