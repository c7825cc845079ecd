using LiverMuscle.Sync.State;
using LiverMuscle.Sync.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LiverMuscle.Sync.Providers.Manual.Tests;

/// <summary>
/// The composed worker (<see cref="TestHost"/>, nothing running) in fake time, 2026-11-04 12:00 UTC (a Wednesday),
/// with kai in Asia/Tokyo.
/// </summary>
internal sealed class ManualEntriesHarness : IAsyncDisposable
{
    private readonly TestHost _host;

    private ManualEntriesHarness(TestHost host) => _host = host;

    public string Database => _host.Database;

    public ManualEntries Entries => Get<ManualEntries>();

    public T Get<T>() where T : notnull => _host.Get<T>();

    public static async Task<ManualEntriesHarness> StartAsync(Uri influx, string database)
    {
        var host = TestHost.Build(new TestHostOptions
        {
            Database = database,
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 4, 12, 0, 0, TimeSpan.Zero)),
            Settings = new Dictionary<string, string?> { ["InfluxDb:Url"] = influx.ToString() },
        });
        var added = await host.Get<PersonRegistry>().AddAsync("kai", new PersonChanges { TimeZone = "Asia/Tokyo" }, CancellationToken.None);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors));
        return new ManualEntriesHarness(host);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
