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
var ownFolder = args.Length < 2;
var folder = ownFolder ? Path.Combine(Path.GetTempPath(), "netvaerk-bench-" + Guid.NewGuid().ToString("N")) : args[1];
Directory.CreateDirectory(folder);

var start = CopenhagenTime.At(new DateOnly(2027, 1, 4), new TimeOnly(7, 0));
var end = start.AddYears(1);
var clock = new FakeTimeProvider(start);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Configuration["Sqlite:Path"] = Path.Combine(folder, "netvaerk.db");
builder.Configuration["Mailbox:Folder"] = Path.Combine(folder, "mail");
builder.Configuration["Runner:Enabled"] = "false";
builder.Services.AddInfrastructure(builder.Configuration).AddWeb().AddLocalHost();
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

var stopwatch = Stopwatch.StartNew();
var rounds = 0;
while (true)
{
    var next = await runner.RunOnceAsync();
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
    $"db={dbBytes / 1024 / 1024}MiB mailbox={Directory.GetFiles(Path.Combine(folder, "mail")).Sum(f => new FileInfo(f).Length) / 1024 / 1024}MiB " +
    $"cpu user={process.UserProcessorTime.TotalSeconds:F1}s sys={process.PrivilegedProcessorTime.TotalSeconds:F1}s written={WrittenBytes() / 1024 / 1024}MiB " +
    $"allocated={GC.GetTotalAllocatedBytes() / 1024 / 1024}MiB gcPause={GC.GetTotalPauseDuration().TotalSeconds:F1}s"));
await app.StopAsync();
if (ownFolder)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

// Bytes this process handed to write() (Linux /proc/self/io "wchar"); 0 where that file does not exist.
static long WrittenBytes()
{
    const string io = "/proc/self/io";
    if (!File.Exists(io)) return 0;
    var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
    return line is null ? 0 : long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
}
