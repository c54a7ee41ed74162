using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Functions.Tests.Timelines;
using Netvaerk.Functions.Timelines;
using Netvaerk.Infrastructure;
using Netvaerk.Local;
using Netvaerk.Web;

// dotnet run -c Release --project bench/Durable.Bench -- [networks=100] [ms of real time per simulated day=15]
// The in-process engine's sidecar runs at most Environment.ProcessorCount work items at once and sleeps 500 ms when
// saturated; set DOTNET_PROCESSOR_COUNT (e.g. 32) to measure the orchestrations rather than that limit (docs/benchmarks.md).
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var perDay = TimeSpan.FromMilliseconds(args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 15);
var folder = Path.Combine(Path.GetTempPath(), "netvaerk-durable-bench-" + Guid.NewGuid().ToString("N"));
var start = CopenhagenTime.At(new DateOnly(2027, 1, 4), new TimeOnly(7, 0));

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Sqlite:Path"] = Path.Combine(folder, "netvaerk.db"),
    ["Mailbox:Folder"] = Path.Combine(folder, "mail"),
    ["Runner:Enabled"] = "false",
});
builder.Services.AddInfrastructure(builder.Configuration).AddWeb().AddLocalHost();
// The workflows' clock stands at the start (the networks are planned from it); the orchestrations pass their own instant.
builder.Services.RemoveAll<TimeProvider>();
builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(start));
using var app = builder.Build();
var services = app.Services;
var tenant = services.GetRequiredService<WorkflowSettings>().TenantId;

// The networks: the same contract as the local benchmark's, each starting on 18 January 2027.
var ids = new List<Guid>();
for (var n = 0; n < count; n++)
{
    var id = Guid.NewGuid();
    var contract = NetworkContract.ForType(NetworkType.Welfare) with
    {
        Theme = $"Netværk {n}", Purpose = "Formål", Mandate = "Mandat", ExpectedOutput = "Output", ExpectedOutcome = "Outcome",
        Leader = new Person("Mette Holm", "mette.holm@albertslund.dk"),
        TimeFrame = TimeFrame.Typical(new DateOnly(2027, 1, 18), NetworkType.Welfare),
        InvolvementPlan = "Plan", EvaluationPlan = "Plan",
        Participants = Enumerable.Range(0, 6).Select(p => new Participant(Guid.NewGuid(), $"Deltager {p}", $"d{n}-{p}@albertslund.dk",
            ParticipantKind.Employee, p < 4 ? ParticipantRole.Core : ParticipantRole.Peripheral)).ToList(),
    };
    await services.GetRequiredService<INetworkStore>().AddAsync(tenant, new NetworkRecord(Network.CreateDraft(id, contract, start), null));
    await services.GetRequiredService<NetworkWorkflow>().StartAsync(id, new DateOnly(2027, 1, 18), adjust: null, ifMatch: null);
    ids.Add(id);
}

var activities = new TimelineActivities(services.GetRequiredService<NetworkWorkflow>());
await using var host = await DurableTaskTestHost.StartAsync(registry =>
{
    registry.AddOrchestratorFunc(nameof(NetworkTimeline), context => NetworkTimeline.RunAsync(new SimulatedTimeContext(context, perDay, start.UtcDateTime)));
    registry.AddActivityFunc<NextInput, TimelineNext>(nameof(TimelineActivities.NextStep), (_, input) => activities.NextStep(input, CancellationToken.None));
    foreach (var kind in Enum.GetValues<StepKind>())
    {
        registry.AddActivityFunc<StepInput, TimelineNext>(TimelineActivities.For(kind), (_, input) => activities.RunAsync(input));
    }
});

var clock = Stopwatch.StartNew();
var instances = await Task.WhenAll(ids.Select(id => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(NetworkTimeline),
    new TimelineInput(tenant, id.ToString()), new StartOrchestrationOptions(TimelineInput.InstanceIdFor(tenant, id.ToString())))));
var results = await Task.WhenAll(instances.Select(i => host.Client.WaitForInstanceCompletionAsync(i)));
clock.Stop();

var failed = results.Count(r => r.RuntimeStatus != OrchestrationRuntimeStatus.Completed);
var steps = 0;
foreach (var id in ids)
{
    steps += (await services.GetRequiredService<INetworkStore>().FindAsync(tenant, id.ToString()))!.Value.Timeline!.Steps.Count(s => s.Status == StepStatus.Done);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{count} welfare networks, {perDay.TotalMilliseconds} ms per simulated day, processor count {Environment.ProcessorCount}: {clock.Elapsed.TotalSeconds:F1} s wall, {steps} steps done, {failed} not completed"));
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
}
