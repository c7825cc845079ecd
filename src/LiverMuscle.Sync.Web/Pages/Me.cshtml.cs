using LiverMuscle.Sync.Web.Security;
using LiverMuscle.Sync.Web.Services;
using Microsoft.AspNetCore.Authorization;

namespace LiverMuscle.Sync.Web.Pages;

/// <summary>An invited person's page: their own connections and logging forms, nothing of anyone else.</summary>
[Authorize(Policy = ConsoleClaims.PersonPolicy)]
internal sealed class MeModel(PersonPageServices services) : PersonPageModel(services)
{
    public override string PersonId => User.InvitedPerson()!;
}
