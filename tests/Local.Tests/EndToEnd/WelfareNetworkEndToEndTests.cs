using Microsoft.Extensions.Time.Testing;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>
/// The welfare scenario (<see cref="WelfareScenario"/>) on the embedded host: idea to follow-up survey, through the HTTP
/// API only, on a fake clock.
/// </summary>
public class WelfareNetworkEndToEndTests : IDisposable
{
    private readonly DataFolder _data = new();
    private readonly FakeTimeProvider _clock = new(WelfareScenario.Start);

    /// <summary>The host the scenario runs on: the embedded one here; the Azure adapters' test runs the same scenario.</summary>
    private protected virtual TestHost CreateHost(DataFolder data, FakeTimeProvider clock) => new(data, clock);

    [Fact]
    public async Task Welfare_network_runs_from_idea_to_follow_up_with_the_expected_mailbox()
    {
        using var host = CreateHost(_data, _clock);
        await RunAsync(host);
    }

    /// <summary>The scenario, with its assertions; returns having checked the whole mailbox.</summary>
    private protected static Task RunAsync(TestHost host) => WelfareScenario.RunAsync(host);

    public void Dispose()
    {
        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}
