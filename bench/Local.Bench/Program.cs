using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure;
using Netvaerk.Local;
using Netvaerk.Local.Runner;
using Netvaerk.Web;

// One calendar year of the local runner with N running networks of mixed types, on a fake clock.
// Usage: dotnet run -c Release --project bench/Local.Bench -- [networks=1000] [folder]
var networks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "netvaerk-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);

var start = CopenhagenTime.At(new DateOnly(2027, 1, 4), new TimeOnly(7, 0));
var end = start.AddYears(1);
var clock = new FakeTimeProvider(start);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Configuration["Sqlite:Path"] = Path.Combine(folder, "netvaerk.db");
builder.Configuration["Mailbox:Folder"] = Path.Combine(folder, "mail");
builder.Configuration["Runner:Enabled"] = "false";
builder.Services.AddInfrastructure().AddWeb().AddLocalHost();
builder.Services.RemoveAll<TimeProvider>();
builder.Services.AddSingleton<TimeProvider>(clock);
using var app = builder.Build();
await app.StartAsync();

var workflow = app.Services.GetRequiredService<NetworkWorkflow>();
var store = app.Services.GetRequiredService<INetworkStore>();
var runner = app.Services.GetRequiredService<LocalRunner>();
var tenant = app.Services.GetRequiredService<WorkflowSettings>().TenantId;
var types = Enum.GetValues<NetworkType>();

// Seed: networks with complete contracts and six participants, starting over the first three months.
for (var i = 0; i < networks; i++)
{
    var type = types[i % types.Length];
    var id = Guid.NewGuid();
    var contract = NetworkContract.ForType(type) with
    {
        Theme = $"Netværk {i}",
        Purpose = "Formål",
        Mandate = "Mandat",
        ExpectedOutput = "Output",
        ExpectedOutcome = "Outcome",
        Leader = new Person($"Leder {i}", $"leder{i}@albertslund.dk"),
        TimeFrame = TimeFrame.Typical(new DateOnly(2027, 1, 4), type),
        InvolvementPlan = "Plan",
        EvaluationPlan = "Plan",
        Participants = Enumerable.Range(0, 6).Select(p => new Participant(Guid.NewGuid(), $"Deltager {i}-{p}", $"d{i}-{p}@albertslund.dk",
            ParticipantKind.Employee, p < 4 ? ParticipantRole.Core : ParticipantRole.Peripheral)).ToList(),
    };
    await store.AddAsync(tenant, new NetworkRecord(Network.CreateDraft(id, contract, start), null));
    await workflow.StartAsync(id, new DateOnly(2027, 1, 18).AddDays(i % 90), adjust: null, ifMatch: null);
}

if (Environment.GetEnvironmentVariable("MICRO") is not null)
{
    var db = app.Services.GetRequiredService<Netvaerk.Infrastructure.Sqlite.SqliteDatabase>();
    async Task Time(string name, int n, Func<int, Task> op) { var sw = Stopwatch.StartNew(); for (var k = 0; k < n; k++) await op(k); Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds * 1000 / n:F0} us"); }
    await Time("open", 2000, async _ => { await using var c = await db.OpenConnectionAsync(); });
    var rec = (await store.ListAsync(tenant))[0];
    var nj = Netvaerk.Domain.Timelines.TimelineJson.Serialize(rec.Value.Network); var tj = Netvaerk.Domain.Timelines.TimelineJson.Serialize(rec.Value.Timeline);
    Console.WriteLine($"network json {nj.Length} chars, timeline json {tj.Length} chars");
    await Time("deser-network", 2000, async _ => { Netvaerk.Domain.Timelines.TimelineJson.Deserialize<Network>(nj); await Task.CompletedTask; });
    await Time("deser-timeline", 2000, async _ => { Netvaerk.Domain.Timelines.TimelineJson.Deserialize<Netvaerk.Domain.Timelines.TimelineState>(tj); await Task.CompletedTask; });
    await Time("ser-timeline", 2000, async _ => { Netvaerk.Domain.Timelines.TimelineJson.Serialize(rec.Value.Timeline); await Task.CompletedTask; });
    await Time("ser-network", 2000, async _ => { Netvaerk.Domain.Timelines.TimelineJson.Serialize(rec.Value.Network); await Task.CompletedTask; });
    var tl = rec.Value.Timeline!;
    await Time("nextdue", 2000, async _ => { tl.NextDue(start); await Task.CompletedTask; });
    await Time("done", 2000, async _ => { tl.Done(tl.Steps[0].Id, tl.Steps[0].Version); await Task.CompletedTask; });
    await Time("nextdueutc", 2000, async _ => { var unused = rec.Value.NextDueUtc; await Task.CompletedTask; });
    await Time("find", 2000, async _ => await store.FindAsync(tenant, rec.Value.Network.Id.ToString()));
    var exec = app.Services.GetRequiredService<StepExecutor>();
    var st = rec.Value.Timeline!.Steps.First(s => s.Kind == Netvaerk.Domain.Timelines.StepKind.MeetingReminder);
    var summary = exec.Summary(rec.Value.Network); var dir = await exec.DirectoryAsync(rec.Value.Network);
    await Time("compose-reminder-step(6)", 500, async _ => { Netvaerk.Domain.Messages.StepMessages.For(rec.Value.Timeline, st, summary, dir, Netvaerk.Domain.Messages.StepFacts.None); await Task.CompletedTask; });
    var st2 = rec.Value.Timeline!.Steps.First(s => s.Kind == Netvaerk.Domain.Timelines.StepKind.CitizenInvolvementNudge || s.Kind == Netvaerk.Domain.Timelines.StepKind.StakeholderInvolvementNudge || s.Kind == Netvaerk.Domain.Timelines.StepKind.ExpertInvolvementNudge);
    await Time("compose-nudge-step(1)", 500, async _ => { Netvaerk.Domain.Messages.StepMessages.For(rec.Value.Timeline, st2, summary, dir, Netvaerk.Domain.Messages.StepFacts.None); await Task.CompletedTask; });
    var outbox = app.Services.GetRequiredService<IOutbox>();
    var msg = Netvaerk.Domain.Messages.StepMessages.For(rec.Value.Timeline, st, summary, dir, Netvaerk.Domain.Messages.StepFacts.None)[0];
    await Time("enqueue", 2000, async k => await outbox.EnqueueAsync(new OutboxMessage("x/" + k, tenant, "a@b.dk", "A", msg.Message, start)));
    var mailbox = app.Services.GetRequiredService<IMailTransport>();
    await Time("mailbox-send", 1000, async k => await mailbox.SendAsync(new OutboxMessage("y/" + k, tenant, "a@b.dk", "A", msg.Message, start)));
    var om = new OutboxMessage("z/1", tenant, "a@b.dk", "A", msg.Message, start);
    await Time("mime-compose", 1000, async _ => { Netvaerk.Infrastructure.Mail.LocalMailbox.Compose(om, new MimeKit.MailboxAddress("N", "n@a.dk")); await Task.CompletedTask; });
    var mm = Netvaerk.Infrastructure.Mail.LocalMailbox.Compose(om, new MimeKit.MailboxAddress("N", "n@a.dk"));
    await Time("mime-write-mem", 1000, async _ => { using var ms = new MemoryStream(); await mm.WriteToAsync(ms); });
    await Time("file-write-move", 1000, async k => { var f = Path.Combine(folder, $"t{k}.tmp"); await File.WriteAllBytesAsync(f, new byte[6000]); File.Move(f, f + ".eml", true); });
    await Time("file-write-only", 1000, async k => { var f = Path.Combine(folder, $"w{k}.eml"); await File.WriteAllBytesAsync(f, new byte[6000]); });
    await Time("file-write-sync", 1000, async k => { var f = Path.Combine(folder, $"s{k}.eml"); File.WriteAllBytes(f, new byte[6000]); await Task.CompletedTask; });
    for (var k = 0; k < 2000; k++) await outbox.EnqueueAsync(new OutboxMessage("d/" + k, tenant, "a@b.dk", "A", msg.Message, start));
    await Time("due-query(200)", 20, async _ => await outbox.DueForDeliveryAsync(start, 200));
    var disp = app.Services.GetRequiredService<Netvaerk.Infrastructure.Mail.OutboxDispatcher>();
    var swd = Stopwatch.StartNew(); var nd = 0; int got; while ((got = await disp.DeliverDueAsync()) > 0) nd += got;
    Console.WriteLine($"dispatch: {swd.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, nd):F0} us/mail over {nd}");
    for (var k = 0; k < 2000; k++) await outbox.EnqueueAsync(new OutboxMessage("e/" + k, tenant, "a@b.dk", "A", msg.Message, start));
    var nullDisp = new Netvaerk.Infrastructure.Mail.OutboxDispatcher(outbox, new NullTransport(), clock,
        Microsoft.Extensions.Options.Options.Create(new Netvaerk.Infrastructure.Mail.OutboxOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<Netvaerk.Infrastructure.Mail.OutboxDispatcher>.Instance);
    swd.Restart(); nd = 0; while ((got = await nullDisp.DeliverDueAsync()) > 0) nd += got;
    Console.WriteLine($"dispatch-null-transport: {swd.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, nd):F0} us/mail over {nd}");
    await Time("mark-delivered", 2000, async k => await outbox.MarkDeliveredAsync(tenant, "x/" + k, start));
    await Time("list-prefix", 500, async _ => await outbox.ListAsync(tenant, rec.Value.Network.Id + "/"));
    await Time("exec-step", 300, async _ => await exec.ExecuteAsync(rec.Value, st, start));
    return;
}

var stopwatch = Stopwatch.StartNew();
var rounds = 0;
var phases = Environment.GetEnvironmentVariable("PHASES") is not null ? new PhaseTimer(app.Services, tenant) : null;
while (true)
{
    var next = phases is null ? await runner.RunOnceAsync() : await phases.RunOnceAsync(clock.GetUtcNow());
    rounds++;
    if (next is null || next > end) break;
    if (next > clock.GetUtcNow()) clock.SetUtcNow(next.Value);
}

stopwatch.Stop();
var mails = Directory.Exists(Path.Combine(folder, "mail")) ? Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml").Length : 0;
var dbBytes = Directory.GetFiles(folder, "netvaerk.db*").Sum(f => new FileInfo(f).Length);
using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"networks={networks} simulated={start:yyyy-MM-dd}..{clock.GetUtcNow():yyyy-MM-dd} rounds={rounds} wall={stopwatch.Elapsed.TotalSeconds:F1}s " +
    $"mails={mails} mails/s={mails / stopwatch.Elapsed.TotalSeconds:F0} peakWorkingSet={process.PeakWorkingSet64 / 1024 / 1024}MiB " +
    $"db={dbBytes / 1024 / 1024}MiB mailbox={Directory.GetFiles(Path.Combine(folder, "mail")).Sum(f => new FileInfo(f).Length) / 1024 / 1024}MiB"));
if (phases is not null) Console.WriteLine(phases);
await app.StopAsync();

internal sealed class NullTransport : IMailTransport
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>The runner's round, phase by phase, with a stopwatch on each (PHASES=1).</summary>
internal sealed class PhaseTimer(IServiceProvider services, string tenant)
{
    private readonly Stopwatch _steps = new(), _decisions = new(), _digests = new(), _delivery = new();

    public async Task<DateTimeOffset?> RunOnceAsync(DateTimeOffset now)
    {
        var store = services.GetRequiredService<INetworkStore>();
        _steps.Start();
        await Parallel.ForEachAsync(await store.DueAsync(tenant, now), new ParallelOptions { MaxDegreeOfParallelism = 2 },
            async (id, ct) => await services.GetRequiredService<NetworkWorkflow>().RunDueAsync(Guid.Parse(id), now, ct));
        _steps.Stop();
        _decisions.Start();
        var a = await services.GetRequiredService<IdeaWorkflow>().FollowUpDecisionsAsync(now);
        _decisions.Stop();
        _digests.Start();
        var b = await services.GetRequiredService<DigestWorkflow>().SendDueAsync(now);
        _digests.Stop();
        _delivery.Start();
        while (await services.GetRequiredService<Netvaerk.Infrastructure.Mail.OutboxDispatcher>().DeliverDueAsync() > 0) { }
        _delivery.Stop();
        return new[] { a, b, await store.NextDueAsync(tenant) }.Where(x => x is not null).Min();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"phases: steps={_steps.Elapsed.TotalSeconds:F1}s decisions={_decisions.Elapsed.TotalSeconds:F1}s digests={_digests.Elapsed.TotalSeconds:F1}s delivery={_delivery.Elapsed.TotalSeconds:F1}s");
}
