using Microsoft.AspNetCore.Routing;

namespace LiverMuscle.Sync.Providers.Push;

/// <summary>A provider's push-notification receiver, mapped onto the worker's HTTP listener.</summary>
public interface IPushEndpoint
{
    void Map(IEndpointRouteBuilder endpoints);
}
