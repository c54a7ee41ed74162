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

// One calendar year of the local runner with N running networks of mixed types, on a fake clock; then the same year's
// unavoidable I/O alone (LimitHarness), so one run prints its own ratio to that limit.
// Usage: dotnet run -c Release --project bench/Local.Bench -- [networks=1000] [folder] [--no-limit] [Section:Key=value …]
//        dotnet run -c Release --project bench/Local.Bench -- fingerprint <mail folder>   (a kept run's mailbox again)
if (args is ["fingerprint", var mailFolder])
{
    Console.WriteLine($"mailbox fingerprint={Fingerprint.Of(Directory.GetFiles(mailFolder, "*.eml"))}");
    return;
}

var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)).ToArray();
var networks = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 1000;
var ownFolder = positional.Length < 2;
var folder = ownFolder ? Path.Combine(Path.GetTempPath(), "netvaerk-bench-" + Guid.NewGuid().ToString("N")) : positional[1];
var measureLimit = !args.Contains("--no-limit");
Directory.CreateDirectory(folder);

// Every id comes from one seed, so two runs of the same build write the same mailbox (see Fingerprint).
var seeded = new Random(20270104);
Guid NextId()
{
    Span<byte> bytes = stackalloc byte[16];
    seeded.NextBytes(bytes);
    return new Guid(bytes);
}

var start = CopenhagenTime.At(new DateOnly(2027, 1, 4), new TimeOnly(7, 0));
var end = start.AddYears(1);
var clock = new FakeTimeProvider(start);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Configuration["Sqlite:Path"] = Path.Combine(folder, "netvaerk.db");
builder.Configuration["Mailbox:Folder"] = Path.Combine(folder, "mail");
builder.Configuration["Runner:Enabled"] = "false";
builder.Configuration["Evaluation:RespondentKeySecret"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(b => (byte)b).ToArray());
foreach (var setting in args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)))
{
    builder.Configuration[setting[..setting.IndexOf('=', StringComparison.Ordinal)]] = setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..];
}
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
    var id = NextId();
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
        Participants = Enumerable.Range(0, 6).Select(p => new Participant(NextId(), $"Deltager {i}-{p}", $"d{i}-{p}@albertslund.dk",
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
using var process = Process.GetCurrentProcess();
var (user, sys, written, peak) = (process.UserProcessorTime, process.PrivilegedProcessorTime, WrittenBytes(), process.PeakWorkingSet64);
var allocated = GC.GetTotalAllocatedBytes();
var gcPause = GC.GetTotalPauseDuration();
await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

var mailFiles = Directory.Exists(Path.Combine(folder, "mail")) ? Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml") : [];
var mails = mailFiles.Length;
var mailboxBytes = mailFiles.Sum(f => new FileInfo(f).Length);
var dbBytes = Directory.GetFiles(folder, "netvaerk.db*").Sum(f => new FileInfo(f).Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"networks={networks} simulated={start:yyyy-MM-dd}..{clock.GetUtcNow():yyyy-MM-dd} rounds={rounds} wall={stopwatch.Elapsed.TotalSeconds:F1}s " +
    $"mails={mails} mails/s={mails / stopwatch.Elapsed.TotalSeconds:F0} peakWorkingSet={peak / 1024 / 1024}MiB " +
    $"db={dbBytes / 1024 / 1024}MiB mailbox={mailboxBytes / 1024 / 1024}MiB " +
    $"cpu user={user.TotalSeconds:F1}s sys={sys.TotalSeconds:F1}s written={written / 1024 / 1024}MiB " +
    $"written/mail={(mails == 0 ? 0 : written / mails)}B allocated={allocated / 1024 / 1024}MiB gcPause={gcPause.TotalSeconds:F1}s"));
Console.WriteLine($"mailbox fingerprint={Fingerprint.Of(mailFiles)}");

if (measureLimit && mails > 0)
{
    var workload = LimitHarness.Workload.Of(Path.Combine(folder, "netvaerk.db"), mails, mailboxBytes);
    var limit = await LimitHarness.RunAsync(folder + "-limit", workload);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"limit={limit.TotalSeconds:F1}s ({workload}) ratio={stopwatch.Elapsed / limit:F2}"));
    if (ownFolder) Directory.Delete(folder + "-limit", recursive: true);
}

if (ownFolder)
{
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
