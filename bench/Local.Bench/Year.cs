using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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

/// <summary>One simulated calendar year of N networks in a fresh folder, driven by the local runner or by Quartz.NET.</summary>
internal static class Year
{
    /// <summary>The runner; Quartz with each job delivering its own e-mails; Quartz with delivery in batches beside the jobs.</summary>
    public enum Engine { Runner, Quartz, QuartzDeliveringAside }

    private static readonly DateTimeOffset Start = CopenhagenTime.At(new DateOnly(2027, 1, 4), new TimeOnly(7, 0));

    public sealed record Result(
        TimeSpan Wall, int Rounds, int Mails, long MailboxBytes, long DbBytes, TimeSpan User, TimeSpan Sys, long Written,
        long Allocated, TimeSpan GcPause, long PeakWorkingSet, string Fingerprint, string? Jobs = null)
    {
        public override string ToString() => Measures() + (Jobs is null ? "" : " " + Jobs);

        private string Measures() => string.Create(CultureInfo.InvariantCulture,
            $"rounds={Rounds} wall={Wall.TotalSeconds:F1}s mails={Mails} mails/s={Mails / Wall.TotalSeconds:F0} " +
            $"peakWorkingSet(process)={PeakWorkingSet / 1024 / 1024}MiB db={DbBytes / 1024 / 1024}MiB mailbox={MailboxBytes / 1024 / 1024}MiB " +
            $"cpu user={User.TotalSeconds:F1}s sys={Sys.TotalSeconds:F1}s written={Written / 1024 / 1024}MiB " +
            $"written/mail={(Mails == 0 ? 0 : Written / Mails)}B allocated={Allocated / 1024 / 1024}MiB gcPause={GcPause.TotalSeconds:F1}s");
    }

    public static async Task<Result> RunAsync(Engine engine, string folder, int networks, IReadOnlyDictionary<string, string> settings)
    {
        Directory.CreateDirectory(folder);
        var end = Start.AddYears(1);
        // UTC, as the system clock gives it: an instant's offset shows in the Date header.
        var clock = new FakeTimeProvider(Start.ToUniversalTime());

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        if (settings.ContainsKey("Logging:LogLevel:Default")) builder.Logging.AddSimpleConsole();
        builder.Configuration["Sqlite:Path"] = Path.Combine(folder, "netvaerk.db");
        builder.Configuration["Mailbox:Folder"] = Path.Combine(folder, "mail");
        builder.Configuration["Runner:Enabled"] = "false";
        // The pages are not used; an ephemeral port lets two benches (or a bench and the host) run side by side.
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        builder.Configuration["Evaluation:RespondentKeySecret"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(b => (byte)b).ToArray());
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.Services.AddInfrastructure(builder.Configuration).AddWeb().AddLocalHost();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(clock);
        if (engine != Engine.Runner)
        {
            var threads = int.Parse(builder.Configuration["Runner:Parallelism"] ?? new RunnerOptions().Parallelism.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            QuartzYear.AddTo(builder.Services, Path.Combine(folder, "quartz.db"), threads, new QuartzYear.Pace(end, deliverAside: engine == Engine.QuartzDeliveringAside));
        }

        using var app = builder.Build();
        await app.StartAsync();
        var ids = await SeedAsync(app.Services, networks);

        var before = Snapshot.Take();
        var stopwatch = Stopwatch.StartNew();
        int rounds;
        string? jobs = null;
        if (engine == Engine.Runner)
        {
            rounds = await RunnerYearAsync(app.Services.GetRequiredService<LocalRunner>(), clock, end);
        }
        else
        {
            // Quartz runs on the real clock (its fire times are the year's instants moved into the past); the product's
            // clock stands at the year's end, so whatever a job queues is due for delivery at once.
            clock.SetUtcNow(end.ToUniversalTime());
            (rounds, var compose, var deliver, var schedule) = await QuartzYear.RunAsync(app.Services, ids, Start);
            jobs = string.Create(CultureInfo.InvariantCulture,
                $"inJobs compose={compose.TotalSeconds:F1}s deliver={deliver.TotalSeconds:F1}s scheduleNext={schedule.TotalSeconds:F1}s");
        }

        stopwatch.Stop();
        var after = Snapshot.Take();
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var mailFiles = MailFiles(folder);
        return new Result(stopwatch.Elapsed, rounds, mailFiles.Length, mailFiles.Sum(f => new FileInfo(f).Length),
            Directory.GetFiles(folder, "netvaerk.db*").Sum(f => new FileInfo(f).Length),
            after.User - before.User, after.Sys - before.Sys, after.Written - before.Written, after.Allocated - before.Allocated,
            after.GcPause - before.GcPause, after.Peak, Fingerprint.Of(mailFiles), jobs);
    }

    /// <summary>The e-mails a year run left in its folder's mailbox.</summary>
    public static string[] MailFiles(string folder) =>
        Directory.Exists(Path.Combine(folder, "mail")) ? Directory.GetFiles(Path.Combine(folder, "mail"), "*.eml") : [];

    /// <summary>Networks with complete contracts and six participants, starting over the first three months; every id from one seed.</summary>
    private static async Task<IReadOnlyList<Guid>> SeedAsync(IServiceProvider services, int networks)
    {
        // Every id comes from one seed, so two runs of the same build write the same mailbox (see Fingerprint).
        var seeded = new Random(20270104);
        Guid NextId()
        {
            Span<byte> bytes = stackalloc byte[16];
            seeded.NextBytes(bytes);
            return new Guid(bytes);
        }

        var workflow = services.GetRequiredService<NetworkWorkflow>();
        var store = services.GetRequiredService<INetworkStore>();
        var tenant = services.GetRequiredService<WorkflowSettings>().TenantId;
        var types = Enum.GetValues<NetworkType>();
        var ids = new List<Guid>(networks);
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
            await store.AddAsync(tenant, new NetworkRecord(Network.CreateDraft(id, contract, Start), null));
            await workflow.StartAsync(id, new DateOnly(2027, 1, 18).AddDays(i % 90), adjust: null, ifMatch: null);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The runner's rounds, the clock moved to each next due instant, to the year's end.</summary>
    private static async Task<int> RunnerYearAsync(LocalRunner runner, FakeTimeProvider clock, DateTimeOffset end)
    {
        var rounds = 0;
        while (true)
        {
            var next = await runner.RunOnceAsync();
            rounds++;
            if (next is null || next > end) return rounds;
            if (next > clock.GetUtcNow()) clock.SetUtcNow(next.Value.ToUniversalTime());
        }
    }
}
