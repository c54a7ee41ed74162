using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Domain.Timelines;
using Netvaerk.Domain.Workflow;
using Netvaerk.Infrastructure.Mail;
using Netvaerk.Infrastructure.Sqlite;
using Quartz;

/// <summary>
/// The same year driven by Quartz.NET instead of the local runner (issue 12, point 3): its persistent ADO job store on
/// SQLite, one trigger per timeline step and one per digest, each job calling the same domain code to compose
/// (<see cref="NetworkWorkflow.RunDueAsync"/>, <see cref="DigestWorkflow.SendDueAsync"/>) and the same outbox dispatcher
/// and mailbox to deliver, and scheduling the network's next step as a new trigger — how a user of Quartz would drive
/// a timeline. Only the scheduler differs from the runner's year; the mailbox fingerprint shows the work is the same.
/// </summary>
internal static class QuartzYear
{
    private static readonly JobKey StepJob = new("timeline-step", "netvaerk");
    private static readonly JobKey DigestJob = new("digests", "netvaerk");

    /// <summary>Quartz in the bench's container: the given thread count, a SQLite job store in its own file.</summary>
    public static void AddTo(IServiceCollection services, string databasePath, int threads, Pace pace)
    {
        // The product's page size, and WAL, persist in the file; synchronous=NORMAL is per connection (SynchronousNormal),
        // as in the product's database, so both schedulers run with the same durability and write pages of one size.
        using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA page_size = {SqliteDatabase.PageSize}; PRAGMA journal_mode = WAL;");
            command.ExecuteNonQuery();
        }

        services.AddSingleton(_ => pace); // made by the container's factory, so the container disposes it
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "netvaerk-bench");
            q.UseDefaultThreadPool(threads);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(SynchronousNormal.Instance, $"Data Source={databasePath}");
                store.ProvisionSchema();
                store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
            });
        });
    }

    /// <summary>
    /// Schedules the first step of every network and the first digest, runs until the year's work is done and delivered;
    /// returns the fires and, summed over the jobs, the time they spent composing, delivering and scheduling.
    /// </summary>
    public static async Task<(int Fires, TimeSpan Compose, TimeSpan Deliver, TimeSpan Schedule)> RunAsync(
        IServiceProvider services, IReadOnlyList<Guid> networks, DateTimeOffset start)
    {
        var pace = services.GetRequiredService<Pace>();
        var workflow = services.GetRequiredService<NetworkWorkflow>();
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.AddJob(JobBuilder.Create<StepJobRunner>().WithIdentity(StepJob).StoreDurably().Build(), AddJobOptions.Replacing);
        await scheduler.AddJob(JobBuilder.Create<DigestJobRunner>().WithIdentity(DigestJob).StoreDurably().Build(), AddJobOptions.Replacing);

        foreach (var id in networks)
        {
            if (await workflow.NextAsync(id, start) is NextDue.WakeAt { Instant: var at }) await pace.ScheduleStepAsync(scheduler, id, at);
        }

        await pace.ScheduleDigestAsync(scheduler, start);
        var dispatcher = services.GetRequiredService<IOutboxDelivery>();
        await scheduler.Start();
        var pump = pace.DeliverAside ? PumpAsync(pace, dispatcher) : Task.CompletedTask;
        await pace.Finished;
        await scheduler.Shutdown(waitForJobsToComplete: true);
        await pump;
        // What the last jobs queued while another delivered.
        while (await dispatcher.DeliverDueAsync() > 0)
        {
        }

        return (pace.Fired, pace.Spent(Pace.Part.Compose), pace.Spent(Pace.Part.Deliver), pace.Spent(Pace.Part.Schedule));
    }

    /// <summary>
    /// Delivery beside the jobs, as the runner's rounds do it: batches of whatever is queued, one after another, until the
    /// jobs are done — so the jobs only compose and schedule, and the difference to the runner is the scheduler's alone.
    /// </summary>
    private static async Task PumpAsync(Pace pace, IOutboxDelivery dispatcher)
    {
        while (!pace.Finished.IsCompleted)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var delivered = await dispatcher.DeliverDueAsync();
            pace.Add(Pace.Part.Deliver, started);
            if (delivered == 0) await Task.Delay(1);
        }
    }

    /// <summary>
    /// What the harness adds around Quartz. Fire times are the simulated instants moved into the past (<see cref="Offset"/>),
    /// every trigger ignoring misfires: Quartz fires them as fast as it can, earliest first, and the job reads the
    /// simulated instant from the trigger. The runner's rounds order a digest after the steps due at its instant and
    /// before later ones; Quartz's threads do not, so a digest waits for the steps due at or before it and a later step
    /// waits for the digest — otherwise a digest's content would vary from run to run.
    /// </summary>
    internal sealed class Pace(DateTimeOffset end, bool deliverAside) : IDisposable
    {
        private readonly object _gate = new();
        private readonly SortedDictionary<DateTimeOffset, int> _pendingSteps = [];
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _delivery = new(1, 1);
        private readonly long[] _spent = new long[3];
        private DateTimeOffset? _pendingDigest;
        private int _fired;

        public enum Part { Compose, Deliver, Schedule }

        // Fire times a day before the real now, whatever the simulated year: all due at once, in the year's order.
        public TimeSpan Offset { get; } = DateTimeOffset.UtcNow.AddDays(-1) - end;

        /// <summary>Whether delivery runs beside the jobs (<see cref="PumpAsync"/>) rather than in each job.</summary>
        public bool DeliverAside => deliverAside;

        public Task Finished => _finished.Task;

        public int Fired => _fired;

        public TimeSpan Spent(Part part) => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _spent[(int)part]));

        /// <summary>Adds the time since <paramref name="since"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) to the part; returns now.</summary>
        public long Add(Part part, long since)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            Interlocked.Add(ref _spent[(int)part], now - since);
            return now;
        }

        public async Task ScheduleStepAsync(IScheduler scheduler, Guid network, DateTimeOffset at)
        {
            lock (_gate) _pendingSteps[at] = _pendingSteps.GetValueOrDefault(at) + 1;
            await scheduler.ScheduleJob(Trigger(new TriggerKey($"{network}/{at.UtcTicks}", "step"), StepJob, at, priority: 10, network));
        }

        public async Task ScheduleDigestAsync(IScheduler scheduler, DateTimeOffset at)
        {
            lock (_gate) _pendingDigest = at;
            await scheduler.ScheduleJob(Trigger(new TriggerKey(at.UtcTicks.ToString(CultureInfo.InvariantCulture), "digest"), DigestJob, at, priority: 1, network: null));
        }

        private static DateTimeOffset InstantOf(IJobExecutionContext context) =>
            DateTimeOffset.Parse(context.MergedJobDataMap.GetString("at")!, CultureInfo.InvariantCulture).ToUniversalTime();

        /// <summary>A step waits while a digest before it has not gone out.</summary>
        private Task BeforeStepAsync(DateTimeOffset at) => WaitUntil(() => _pendingDigest is not { } digest || digest >= at);

        /// <summary>A digest waits while steps at or before it have not run.</summary>
        private Task BeforeDigestAsync(DateTimeOffset at) => WaitUntil(() => _pendingSteps.Count == 0 || _pendingSteps.First().Key > at);

        private void Done(DateTimeOffset at, bool digest)
        {
            Interlocked.Increment(ref _fired);
            lock (_gate)
            {
                if (digest)
                {
                    if (_pendingDigest == at) _pendingDigest = null;
                }
                else if (--_pendingSteps[at] == 0)
                {
                    _pendingSteps.Remove(at);
                }

                if (_pendingSteps.Count == 0 && _pendingDigest is null) _finished.TrySetResult();
            }
        }

        /// <summary>
        /// One fire, step or digest alike: wait for its turn, compose (returning what it knows of the next instant), deliver,
        /// find the next instant and schedule it within the year, each part timed; a failure ends the year with it.
        /// </summary>
        public async Task FireAsync(
            IJobExecutionContext context, IOutboxDelivery dispatcher, bool digest,
            Func<DateTimeOffset, CancellationToken, Task<DateTimeOffset?>> compose,
            Func<DateTimeOffset, DateTimeOffset?, CancellationToken, Task<DateTimeOffset?>> next,
            Func<DateTimeOffset, Task> schedule,
            CancellationToken cancellationToken)
        {
            var at = InstantOf(context);
            try
            {
                await (digest ? BeforeDigestAsync(at) : BeforeStepAsync(at));
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var composed = await compose(at, cancellationToken);
                started = Add(Part.Compose, started);
                await DeliverAsync(dispatcher, cancellationToken);
                started = Add(Part.Deliver, started);
                if (await next(at, composed, cancellationToken) is { } due && due <= end) await schedule(due);
                Add(Part.Schedule, started);
                Done(at, digest);
            }
            catch (Exception e)
            {
                Failed(e);
                throw;
            }
        }

        private void Failed(Exception exception) => _finished.TrySetException(exception);

        public void Dispose() => _delivery.Dispose();

        /// <summary>
        /// Delivers what is queued (a batch: one job's e-mails and whatever others queued meanwhile), one job at a time —
        /// two at once would send the same batch twice.
        /// </summary>
        private async Task DeliverAsync(IOutboxDelivery dispatcher, CancellationToken cancellationToken)
        {
            if (deliverAside) return;
            await _delivery.WaitAsync(cancellationToken);
            try
            {
                await dispatcher.DeliverDueAsync(cancellationToken);
            }
            finally
            {
                _delivery.Release();
            }
        }

        private ITrigger Trigger(TriggerKey key, JobKey job, DateTimeOffset at, int priority, Guid? network)
        {
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .ForJob(job)
                .UsingJobData("at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))
                .StartAt(at + Offset)
                .WithPriority(priority)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires));
            if (network is { } id) trigger = trigger.UsingJobData("network", id.ToString());
            return trigger.Build();
        }

        private async Task WaitUntil(Func<bool> condition)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                lock (_gate)
                {
                    if (condition()) return;
                }

                if (waited.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("The Quartz year's ordering wait did not end: the harness is wrong.");
                await Task.Delay(1);
            }
        }
    }

    /// <summary>One timeline step of one network: compose, deliver, schedule the network's next step.</summary>
    internal sealed class StepJobRunner(NetworkWorkflow workflow, IOutboxDelivery dispatcher, Pace pace) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            var network = Guid.Parse(context.MergedJobDataMap.GetString("network")!);
            return new(pace.FireAsync(context, dispatcher, digest: false,
                compose: async (at, ct) =>
                {
                    await workflow.RunDueAsync(network, at, ct);
                    return null;
                },
                next: async (at, _, ct) => await workflow.NextAsync(network, at, ct) is NextDue.WakeAt { Instant: var due } ? due : null,
                schedule: due => pace.ScheduleStepAsync(context.Scheduler, network, due),
                cancellationToken));
        }
    }

    /// <summary>The digests due at the instant: compose, deliver, schedule the next digest instant.</summary>
    internal sealed class DigestJobRunner(DigestWorkflow digests, IOutboxDelivery dispatcher, Pace pace) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
            new(pace.FireAsync(context, dispatcher, digest: true,
                compose: (at, ct) => digests.SendDueAsync(at, ct),
                next: (_, composed, _) => Task.FromResult(composed), // sending the digests tells the next instant
                schedule: due => pace.ScheduleDigestAsync(context.Scheduler, due),
                cancellationToken));
    }

    /// <summary>Microsoft.Data.Sqlite for Quartz, each connection set to synchronous=NORMAL like the product's own.</summary>
    private sealed class SynchronousNormal : DbProviderFactory
    {
        public static readonly SynchronousNormal Instance = new();

        public override DbConnection CreateConnection()
        {
            var connection = SqliteFactory.Instance.CreateConnection();
            connection.StateChange += (sender, change) =>
            {
                if (change.CurrentState != System.Data.ConnectionState.Open) return;
                using var command = ((DbConnection)sender!).CreateCommand();
                command.CommandText = "PRAGMA synchronous = NORMAL;";
                command.ExecuteNonQuery();
            };
            return connection;
        }

        public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

        public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

        public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();
    }
}
