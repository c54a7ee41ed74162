using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Functions.Approvals;
using Netvaerk.Functions.Tests.Timelines;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Functions.Timelines;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Functions.Tests.EndToEnd;

/// <summary>
/// The embedded test host with the Azure host's engines in place of the local runner: every network's timeline and every
/// pending decision is a Durable orchestration — the production orchestrators and activities on the in-process engine,
/// their time in lockstep with the fake clock (<see cref="LockstepContext"/>). Beside them each round does what the
/// Functions host's timer and queue triggers do: the digests and the mail. The local runner never runs.
/// </summary>
internal sealed class DurableTestHost : TestHost
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly Lockstep _lockstep;
    private DurableTaskTestHost? _durable;

    private DurableTestHost(DataFolder data, FakeTimeProvider clock)
        : base(data, clock) => _lockstep = new Lockstep(clock.GetUtcNow().UtcDateTime);

    /// <summary>The orchestrations that ran, timelines and approvals.</summary>
    public IReadOnlyCollection<string> Orchestrations => _lockstep.Tracked;

    private DurableTaskTestHost Durable => _durable ?? throw new InvalidOperationException("Not started.");

    public static async Task<DurableTestHost> StartAsync(DataFolder data, FakeTimeProvider clock)
    {
        var host = new DurableTestHost(data, clock);
        var stop = host._stop.Token;
        // The activities take the app's services when they first run, by which time the app (which needs the engine's
        // client) is built.
        host._durable = await DurableTaskTestHost.StartAsync(registry =>
        {
            registry.AddOrchestratorFunc(nameof(NetworkTimeline), context => NetworkTimeline.RunAsync(new LockstepContext(context, host._lockstep)));
            registry.AddOrchestratorFunc(nameof(IdeaApproval), context => IdeaApproval.RunAsync(new LockstepContext(context, host._lockstep)));
            registry.AddActivityFunc<NextInput, TimelineNext>(nameof(TimelineActivities.NextStep), (_, input) => host.Timelines.NextStep(input, stop));
            foreach (var name in Enum.GetValues<StepKind>().Select(TimelineActivities.For))
            {
                registry.AddActivityFunc<StepInput, TimelineNext>(name, (_, input) => host.Timelines.RunAsync(input, stop));
            }

            registry.AddActivityFunc<FollowUpInput, ApprovalNext>(nameof(ApprovalActivities.FollowUpDecision),
                (_, input) => new ApprovalActivities(host.Services.GetRequiredService<IdeaWorkflow>()).FollowUpDecision(input, stop));
        }, cancellationToken: stop);
        return host;
    }

    private TimelineActivities Timelines => new(Services.GetRequiredService<NetworkWorkflow>());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            var engines = new TrackedEngines(this);
            services.RemoveAll<ITimelineEngine>();
            services.AddSingleton<ITimelineEngine>(engines);
            services.RemoveAll<IApprovalEngine>();
            services.AddSingleton<IApprovalEngine>(engines);
        });
    }

    /// <summary>
    /// The orchestrations first, each ticked to the clock's instant and left at rest; then the digest timer's work and
    /// the mail queue's. Returns the earliest of the orchestrations' timers, the next digest and mail waiting for a retry.
    /// </summary>
    protected override async Task<DateTimeOffset?> RoundAsync()
    {
        var now = Clock.GetUtcNow();
        var stop = _stop.Token;
        var nextTimer = await _lockstep.SettleAsync(Durable.Client, now, stop);
        var nextDigest = await Services.GetRequiredService<DigestWorkflow>().SendDueAsync(now, stop);
        var delivery = Services.GetRequiredService<IOutboxDelivery>();
        while (await delivery.DeliverDueAsync(stop) > 0)
        {
        }

        var outbox = Services.GetRequiredService<IOutbox>();
        if ((await outbox.DueForDeliveryAsync(now, 1, stop)).Count > 0) return now;
        var next = new[] { nextTimer, nextDigest }.Min();
        return (await outbox.DueForDeliveryAsync(DateTimeOffset.MaxValue, 1, stop)).Count > 0 ? new[] { next, now.AddMinutes(1) }.Min() : next;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        _durable?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stop.Dispose();
    }

    /// <summary>The production Durable engines, telling the lockstep which orchestrations to tick.</summary>
    private sealed class TrackedEngines(DurableTestHost host) : ITimelineEngine, IApprovalEngine
    {
        private DurableClients Clients => new(host.Durable.Client);

        public async Task StartAsync(string tenantId, string networkId, CancellationToken cancellationToken = default)
        {
            await new DurableTimelineEngine(Clients).StartAsync(tenantId, networkId, cancellationToken);
            host._lockstep.Track(TimelineInput.InstanceIdFor(tenantId, networkId));
        }

        public Task SignalAsync(string tenantId, string networkId, TimelineChange change, CancellationToken cancellationToken = default) =>
            new DurableTimelineEngine(Clients).SignalAsync(tenantId, networkId, change, cancellationToken);

        public async Task TrackAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default)
        {
            await new DurableApprovalEngine(Clients).TrackAsync(tenantId, ideaId, cancellationToken);
            host._lockstep.Track(ApprovalInput.InstanceIdFor(tenantId, ideaId));
        }

        public Task SignalAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default) =>
            new DurableApprovalEngine(Clients).SignalAsync(tenantId, ideaId, cancellationToken);
    }
}
