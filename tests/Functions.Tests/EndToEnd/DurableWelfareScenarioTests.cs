using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Functions.Tests.EndToEnd;

/// <summary>
/// The embedded welfare scenario — a moved meeting, involvement registered, two of four answering, reminders to the
/// others, the follow-up — with every timeline step and decision follow-up run by the Durable orchestrators instead of
/// the local runner. The scenario checks its whole mailbox (instants, recipients, subjects) itself; here the message
/// keys are compared with a local run's as well.
/// </summary>
public sealed partial class DurableWelfareScenarioTests
{
    [Fact]
    public async Task The_welfare_scenario_sends_the_local_runners_mailbox_through_the_Durable_orchestrators()
    {
        using var localData = new DataFolder();
        using (var local = new TestHost(localData, new FakeTimeProvider(WelfareScenario.Start)))
        {
            await WelfareScenario.RunAsync(local);
        }

        using var durableData = new DataFolder();
        using (var durable = await DurableTestHost.StartAsync(durableData, new FakeTimeProvider(WelfareScenario.Start)))
        {
            await WelfareScenario.RunAsync(durable);
            Assert.Equal(2, durable.Orchestrations.Count); // the idea's approval and the network's timeline
        }

        Assert.Equal(Keys(localData), Keys(durableData));
    }

    /// <summary>Every e-mail's key, send instant and recipient, with the run's random ids and tokens left out.</summary>
    private static string[] Keys(DataFolder data) => data.Mails()
        .Where(m => !m.Title().Contains("login-link", StringComparison.Ordinal))
        .Select(m => $"{m.Date.UtcDateTime:yyyyMMdd-HHmmss} {m.To.Mailboxes.Single().Address} {Ids().Replace(m.Headers[TestHost.KeyHeader] ?? "", "<id>")}")
        .Order(StringComparer.Ordinal)
        .ToArray();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();
}
