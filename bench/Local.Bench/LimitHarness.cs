using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Netvaerk.Infrastructure.Sqlite;

/// <summary>
/// The year's unavoidable I/O and nothing else: every e-mail's file created (write, then rename into place, as the
/// mailbox does), and in SQLite — same WAL settings and transaction sizes as the product — one transaction per timeline
/// step inserting its outbox rows (the message as stored until it is sent) and updating its network, and one per
/// delivery batch of 200 marking rows delivered and dropping their bodies. Files and database run side by side, as
/// two independent writers would. No composing, no JSON, no MIME: the floor the real year is measured against.
/// </summary>
internal static class LimitHarness
{
    private const int DeliveryBatch = 200;

    /// <summary>What the real year did, read back from its database and mailbox.</summary>
    public sealed record Workload(int Mails, int MailBytes, int Steps, int Networks, int EnvelopeBytes, int NetworkBytes)
    {
        /// <summary>
        /// With <c>--limit-replay</c>: the year's own outbox keys in the order it stored them, one transaction per run of a
        /// step's keys (a weekly digest round's keys together), the network's row updated after its step's. Without it,
        /// the harness makes up keys and takes the networks in turn — an order that lands consecutive writes on
        /// neighbouring pages, where the year's order lands them wherever its due networks are.
        /// </summary>
        public IReadOnlyList<Transaction>? Replay { get; init; }

        public static Workload Of(string databasePath, int mails, long mailboxBytes, bool replay = false)
        {
            using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            var steps = Scalar(connection, """
                SELECT COUNT(*) FROM (SELECT DISTINCT substr(key, 1, instr(substr(key, 38), '/') + 36) FROM outbox);
                """);
            var networks = Scalar(connection, "SELECT COUNT(*) FROM networks;");
            var envelope = Scalar(connection, "SELECT CAST(AVG(length(document)) AS INTEGER) FROM outbox;");
            // The row a step rewrites: the network's document is apart since migration 9, written only when it changes.
            var network = Scalar(connection, "SELECT CAST(AVG(length(coalesce(progress, ''))) AS INTEGER) FROM networks;");
            return new Workload(mails, (int)(mailboxBytes / mails), steps, networks, envelope, network)
            {
                Replay = replay ? Transactions(connection) : null,
            };
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Mails} files of {MailBytes} B, {Replay?.Count ?? Steps} {(Replay is null ? "step" : "replayed")} transactions, {Networks} networks of {NetworkBytes} B");

        private static List<Transaction> Transactions(SqliteConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key FROM outbox ORDER BY seq;";
            using var reader = command.ExecuteReader();
            var transactions = new List<Transaction>();
            var keys = new List<string>();
            string? group = null;
            while (reader.Read())
            {
                var key = reader.GetString(0);
                var next = Group(key);
                if (group is not null && next != group) Flush();
                group = next;
                keys.Add(key);
            }

            Flush();
            return transactions;

            void Flush()
            {
                if (keys.Count == 0) return;
                var isStep = !keys[0].StartsWith("digest/", StringComparison.Ordinal);
                transactions.Add(new Transaction(isStep ? keys[0][..keys[0].IndexOf('/', StringComparison.Ordinal)] : null, [.. keys]));
                keys.Clear();
            }
        }

        // A step's keys are network/step/…; a digest's digest/kind/…/period/recipient, a round's digests of one period together.
        private static string Group(string key)
        {
            var parts = key.Split('/');
            return parts[0] == "digest" ? string.Join('/', parts[0], parts[1], parts[^2]) : parts[0] + "/" + parts[1];
        }

        private static int Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>One transaction of the replayed year: its outbox keys, and the network whose row the step rewrote (none for digests).</summary>
    public sealed record Transaction(string? Network, string[] Keys);

    /// <summary>
    /// The limit's wall time, the CPU (user and kernel) the process spent on it and the bytes it wrote — the floor for the
    /// year's bytes per e-mail too, and for how they grow with the networks.
    /// </summary>
    public sealed record Result(TimeSpan Wall, TimeSpan User, TimeSpan Sys, long Written)
    {
        public TimeSpan Cpu => User + Sys;

        /// <summary>The limit's line, as both the year's run and the <c>limit</c> command print it.</summary>
        public string Describe(Workload workload) => string.Create(CultureInfo.InvariantCulture,
            $"limit={Wall.TotalSeconds:F1}s cpu user={User.TotalSeconds:F1}s sys={Sys.TotalSeconds:F1}s written/mail={Written / workload.Mails}B ({workload})");
    }

    public static async Task<Result> RunAsync(string folder, Workload workload)
    {
        Directory.CreateDirectory(Path.Combine(folder, "mail"));
        var before = Snapshot.Take();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(
            Task.Run(() => WriteFiles(Path.Combine(folder, "mail"), workload)),
            Task.Run(() => WriteDatabase(Path.Combine(folder, "limit.db"), workload)));
        stopwatch.Stop();
        var after = Snapshot.Take();
        SqliteConnection.ClearAllPools();
        return new Result(stopwatch.Elapsed, after.User - before.User, after.Sys - before.Sys, after.Written - before.Written);
    }

    private static void WriteFiles(string folder, Workload workload)
    {
        var content = System.Text.Encoding.ASCII.GetBytes(Text(workload.MailBytes, 'm'));
        for (var i = 0; i < workload.Mails; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"20270104-070000-{i:x16}.eml");
            var temp = Path.Combine(folder, "." + name + ".tmp");
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                file.Write(content);
            }

            File.Move(temp, Path.Combine(folder, name), overwrite: true);
        }
    }

    private static void WriteDatabase(string path, Workload workload)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        // The product's page size too, since the WAL copies whole pages; the automatic checkpoint stays at 64 MiB of WAL.
        Execute(connection, string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA page_size = {SqliteDatabase.PageSize}; PRAGMA wal_autocheckpoint = {64 * 1024 * 1024 / SqliteDatabase.PageSize};"));
        Execute(connection, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
            CREATE TABLE networks (tenant_id TEXT NOT NULL, id TEXT NOT NULL, progress TEXT NOT NULL, PRIMARY KEY (tenant_id, id));
            CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, key TEXT NOT NULL, created_utc TEXT NOT NULL,
                state TEXT NOT NULL, next_attempt_utc TEXT NOT NULL, delivered_utc TEXT NULL, document TEXT NOT NULL,
                UNIQUE (tenant_id, key));
            CREATE INDEX ix_outbox_due ON outbox (next_attempt_utc, seq) WHERE state = 'pending';
            """);

        var progress = Text(workload.NetworkBytes, 'p');
        // Made-up transactions are made as they are written, as before; the replayed ones were read before the clock started.
        var transactions = workload.Replay ?? MadeUp(workload);
        var networks = workload.Replay is null
            ? Enumerable.Range(0, workload.Networks).Select(NetworkId)
            : workload.Replay.Select(t => t.Network).OfType<string>().Distinct();
        using (var seed = connection.BeginTransaction())
        {
            using var add = Command(connection, seed, "INSERT INTO networks VALUES ('albertslund', @id, @progress);", "@id", "@progress");
            foreach (var network in networks) Run(add, network, progress);
            seed.Commit();
        }

        var stored = Text(workload.MailBytes, 's');
        var envelope = Text(workload.EnvelopeBytes, 'e');
        var pending = new Queue<string>();
        var at = Instant(0);
        var step = 0;
        foreach (var (network, keys) in transactions)
        {
            at = Instant(step++);
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                using var insert = Command(connection, transaction, """
                    INSERT INTO outbox (tenant_id, key, created_utc, state, next_attempt_utc, document)
                    VALUES ('albertslund', @key, @at, 'pending', @at, @document) ON CONFLICT (tenant_id, key) DO NOTHING;
                    """, "@key", "@at", "@document");
                foreach (var key in keys)
                {
                    Run(insert, key, at, stored);
                    pending.Enqueue(key);
                }

                if (network is not null)
                {
                    using var update = Command(connection, transaction, "UPDATE networks SET progress = @progress WHERE tenant_id = 'albertslund' AND id = @id;", "@progress", "@id");
                    Run(update, progress, network);
                }

                transaction.Commit();
            }

            while (pending.Count >= DeliveryBatch) Deliver();
        }

        while (pending.Count > 0) Deliver();

        void Deliver()
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            using var deliver = Command(connection, transaction, """
                UPDATE outbox SET state = 'delivered', delivered_utc = @at, document = @envelope
                WHERE tenant_id = 'albertslund' AND key = @key AND state = 'pending';
                """, "@at", "@envelope", "@key");
            for (var i = 0; i < DeliveryBatch && pending.Count > 0; i++) Run(deliver, at, envelope, pending.Dequeue());
            transaction.Commit();
        }
    }

    /// <summary>The year's counts spread evenly over made-up keys, the networks taken in turn, each step updating its network.</summary>
    private static IEnumerable<Transaction> MadeUp(Workload workload)
    {
        var mail = 0;
        for (var step = 0; step < workload.Steps; step++)
        {
            var network = NetworkId(step % workload.Networks);
            var count = (int)((long)workload.Mails * (step + 1) / workload.Steps) - mail;
            var keys = new string[count];
            for (var r = 0; r < count; r++, mail++) keys[r] = string.Create(CultureInfo.InvariantCulture, $"{network}/step-{step}/1/d{mail}@albertslund.dk");
            yield return new Transaction(network, keys);
        }
    }

    private static string NetworkId(int n) => new Guid(n, 0, 0, new byte[8]).ToString();

    private static string Instant(int step) => new DateTime(2027, 1, 4, 6, 0, 0, DateTimeKind.Utc).AddMinutes(step).ToString("O", CultureInfo.InvariantCulture);

    private static string Text(int length, char fill) => new(fill, Math.Max(1, length));

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
