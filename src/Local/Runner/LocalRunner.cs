using Microsoft.Extensions.Options;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure.Mail;

namespace Netvaerk.Local.Runner;

/// <summary>
/// The local timeline runner: executes due steps of every running network through the same domain code the Azure
/// orchestrator calls, follows up on decisions, sends digests and delivers the outbox; then sleeps until the next
/// due instant or a change. At-least-once: a crash re-runs a step, and the outbox keys keep its e-mails single.
/// </summary>
public sealed partial class LocalRunner(
    INetworkStore networks,
    IOutbox outbox,
    NetworkWorkflow networkWorkflow,
    IdeaWorkflow ideaWorkflow,
    DigestWorkflow digestWorkflow,
    AccessWorkflow access,
    IOutboxDelivery dispatcher,
    RunnerSignal signal,
    WorkflowSettings settings,
    TimeProvider time,
    IOptions<RunnerOptions> options,
    ILogger<LocalRunner> logger) : BackgroundService
{
    // While undelivered e-mail waits for a retry, look again this often.
    private static readonly TimeSpan RetryCheck = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await access.EnsureFirstSecretariatAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next;
            try
            {
                next = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(e);
                next = time.GetUtcNow() + RetryCheck;
            }

            try
            {
                await signal.WaitAsync(next, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One round at the clock's current instant; returns when the next round is due (null: only on a change). Each
    /// network, the decision follow-ups, the digests and the delivery fail alone: the rest of the round always runs, and
    /// what failed is logged and tried again (a failing step is retried and parked by the domain, see
    /// <see cref="StepRetryPolicy"/>).
    /// </summary>
    public async Task<DateTimeOffset?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var retry = now + RetryCheck;

        // What earlier rounds queued goes out while this round composes: the disk and the CPU work side by side.
        var delivering = DeliverAllDueAsync(cancellationToken);

        // Networks are independent and each is handled by one worker, so both cores can compose messages at once.
        var steps = 0;
        DateTimeOffset? failedNetwork = null;
        await Parallel.ForEachAsync(await networks.DueAsync(settings.TenantId, now, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                try
                {
                    Interlocked.Add(ref steps, await networkWorkflow.RunDueAsync(Guid.Parse(id), now, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    LogNetworkFailed(e, id);
                    failedNetwork = retry;
                }
            });

        var nextDecision = await AloneAsync("decision follow-up", () => ideaWorkflow.FollowUpDecisionsAsync(now, cancellationToken), retry);
        var nextDigest = await AloneAsync("digests", () => digestWorkflow.SendDueAsync(now, cancellationToken), retry);

        var delivered = 0;
        try
        {
            delivered = await delivering;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPartFailed(e, "delivery");
        }

        if (steps > 0 || delivered > 0) LogRound(steps, delivered);

        var next = Earliest(await networks.NextDueAsync(settings.TenantId, cancellationToken), nextDecision, nextDigest, failedNetwork);
        if ((await outbox.DueForDeliveryAsync(now, 1, cancellationToken)).Count > 0)
        {
            next = now; // queued this round: the next round, at once, delivers it
        }
        else if ((await outbox.DueForDeliveryAsync(DateTimeOffset.MaxValue, 1, cancellationToken)).Count > 0)
        {
            next = Earliest(next, retry);
        }

        return next;
    }

    /// <summary>Runs one part of the round; if it fails, logs it and asks to be woken again at <paramref name="retry"/>.</summary>
    private async Task<DateTimeOffset?> AloneAsync(string part, Func<Task<DateTimeOffset?>> work, DateTimeOffset retry)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPartFailed(e, part);
            return retry;
        }
    }

    private async Task<int> DeliverAllDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        int batch;
        while ((batch = await dispatcher.DeliverDueAsync(cancellationToken)) > 0) delivered += batch;
        return delivered;
    }

    // Min over nullable values skips the nulls, and is null only when all are.
    private static DateTimeOffset? Earliest(params DateTimeOffset?[] instants) => instants.Min();

    [LoggerMessage(1, LogLevel.Information, "Runner executed {Steps} timeline steps and delivered {Delivered} e-mails")]
    private partial void LogRound(int steps, int delivered);

    [LoggerMessage(2, LogLevel.Error, "Runner round failed; trying again shortly")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(3, LogLevel.Error, "Network {NetworkId} failed in this round; the other networks went on, and it is tried again shortly")]
    private partial void LogNetworkFailed(Exception exception, string networkId);

    [LoggerMessage(4, LogLevel.Error, "The runner's {Part} failed in this round; the rest went on, and it is tried again shortly")]
    private partial void LogPartFailed(Exception exception, string part);
}
