using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure;
using Netvaerk.Local;
using Netvaerk.Web;

namespace Netvaerk.Functions.Tests.Timelines;

/// <summary>
/// The embedded system's services over a SQLite file and a mailbox folder of their own, on a fake clock, with one
/// network of the given type started: what both engines — the local runner and the Durable orchestrator — then drive.
/// </summary>
internal sealed class TimelineWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = CopenhagenTime.At(new DateOnly(2027, 1, 4), new TimeOnly(7, 0));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netvaerk-durable-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>
    /// The engine the workflows signal: the local runner's own until a test plugs in the Durable one (which needs the
    /// test host, which needs these services first).
    /// </summary>
    public SwitchableEngine Engine { get; } = new();

    /// <summary>The approval follow-up the idea workflow signals: the local runner's until a test plugs in the Durable one.</summary>
    public SwitchableApprovals Approvals { get; } = new();

    public Guid NetworkId { get; } = new("6f1c2d7e-0000-4000-8000-00000000d001");

    public IServiceProvider Services => _app.Services;

    public string Tenant => Services.GetRequiredService<WorkflowSettings>().TenantId;

    public string Mailbox => Path.Combine(_folder, "mail");

    /// <summary>Where the database and the mailbox are (a worker process of the Azure Storage tests opens them too).</summary>
    public string Folder => _folder;

    public static async Task<TimelineWorld> StartAsync(NetworkType type)
    {
        var world = new TimelineWorld();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Configuration["Sqlite:Path"] = Path.Combine(world._folder, "netvaerk.db");
        builder.Configuration["Mailbox:Folder"] = world.Mailbox;
        builder.Configuration["Runner:Enabled"] = "false";
        builder.Configuration["Urls"] = "http://127.0.0.1:0"; // no fixed port: tests run side by side
        builder.Services.AddInfrastructure(builder.Configuration).AddWeb().AddLocalHost();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        builder.Services.RemoveAll<ITimelineEngine>();
        builder.Services.AddSingleton<ITimelineEngine>(world.Engine);
        builder.Services.RemoveAll<IApprovalEngine>();
        builder.Services.AddSingleton<IApprovalEngine>(world.Approvals);
        world._app = builder.Build();
        await world._app.StartAsync();

        // The same network as the local benchmark seeds: a complete contract, six employees, started two weeks ahead.
        var contract = NetworkContract.ForType(type) with
        {
            Theme = "Netværk om frivillighed",
            Purpose = "Formål",
            Mandate = "Mandat",
            ExpectedOutput = "Output",
            ExpectedOutcome = "Outcome",
            Leader = new Person("Mette Holm", "mette.holm@albertslund.dk"),
            TimeFrame = TimeFrame.Typical(new DateOnly(2027, 1, 18), type),
            InvolvementPlan = "Plan",
            EvaluationPlan = "Plan",
            Participants = Enumerable.Range(0, 6).Select(p => new Participant(new Guid($"00000000-0000-4000-8000-{p:D12}"), $"Deltager {p}",
                $"deltager{p}@albertslund.dk", ParticipantKind.Employee, p < 4 ? ParticipantRole.Core : ParticipantRole.Peripheral)).ToList(),
        };
        await world.Services.GetRequiredService<INetworkStore>().AddAsync(world.Tenant, new NetworkRecord(Network.CreateDraft(world.NetworkId, contract, Start), null));
        await world.Services.GetRequiredService<NetworkWorkflow>().StartAsync(world.NetworkId, new DateOnly(2027, 1, 18), adjust: null, ifMatch: null);
        return world;
    }

    /// <summary>The e-mails of the network's timeline (digests and sign-ins left out): key, recipient, subject, instant.</summary>
    public IReadOnlyList<string> TimelineMails() =>
        (Directory.Exists(Mailbox) ? Directory.GetFiles(Mailbox, "*.eml") : [])
            .Select(f => MimeMessage.Load(f))
            .Select(m => (Key: m.Headers["X-Netvaerk-Key"] ?? "", Message: m))
            .Where(m => m.Key.StartsWith(NetworkId.ToString() + "/", StringComparison.Ordinal))
            .Select(m => $"{m.Message.Date.UtcDateTime:yyyy-MM-dd HH:mm} {m.Key} {m.Message.Subject}")
            .Order(StringComparer.Ordinal)
            .ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        DeleteFolder(_folder);
    }

    /// <summary>A test's database and mailbox folder, once its SQLite connections are closed.</summary>
    internal static void DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still closing; the temp folder is cleaned by the OS eventually
        }
    }
}

/// <summary>An <see cref="ITimelineEngine"/> that forwards to whichever engine is plugged in (none: the runner polls).</summary>
internal sealed class SwitchableEngine : ITimelineEngine
{
    public ITimelineEngine? Inner { get; set; }

    public Task StartAsync(string tenantId, string networkId, CancellationToken cancellationToken = default) =>
        Inner?.StartAsync(tenantId, networkId, cancellationToken) ?? Task.CompletedTask;

    public Task SignalAsync(string tenantId, string networkId, Domain.Timelines.TimelineChange change, CancellationToken cancellationToken = default) =>
        Inner?.SignalAsync(tenantId, networkId, change, cancellationToken) ?? Task.CompletedTask;
}

/// <summary>An <see cref="IApprovalEngine"/> that forwards to whichever engine is plugged in (none: the runner's rounds).</summary>
internal sealed class SwitchableApprovals : IApprovalEngine
{
    public IApprovalEngine? Inner { get; set; }

    public Task TrackAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default) =>
        Inner?.TrackAsync(tenantId, ideaId, cancellationToken) ?? Task.CompletedTask;

    public Task SignalAsync(string tenantId, string ideaId, CancellationToken cancellationToken = default) =>
        Inner?.SignalAsync(tenantId, ideaId, cancellationToken) ?? Task.CompletedTask;
}
