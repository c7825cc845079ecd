using LiverMuscle.Sync.Providers.Budget;

namespace LiverMuscle.Sync.Providers.Requests;

/// <summary>Every attempt waits for the provider's request budget, then counts in the run's tally.</summary>
internal sealed class BudgetHandler(IRequestBudget budget, string provider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await budget.AcquireAsync(provider, ProviderRequestOptions.UserOf(request), cancellationToken);
        if (request.Options.TryGetValue(ProviderRequestOptions.Tally, out var tally))
        {
            tally.Add();
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
