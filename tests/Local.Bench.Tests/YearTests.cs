using Microsoft.Data.Sqlite;

namespace Netvaerk.Local.Bench.Tests;

/// <summary>
/// The year bench's own guarantees, on a small year (six networks, two of each type, 807 e-mails): it writes the
/// mailbox recorded here byte for byte — performance work must not change one e-mail — Quartz.NET's year writes the
/// same mailbox, and the limit harness does the same year's file and database writes.
/// </summary>
public sealed class YearTests : IDisposable
{
    // Fingerprint.Of the six networks' mailbox: every file's name and bytes, survey tokens masked. Any change to any
    // e-mail changes it. If a change is meant, look at the e-mails it changed, then record the new value here.
    private const string SixNetworksMailbox = "f32cce3fed6709a0adffbdca5ed4edd80c0b08c404890159259a3ab45c5f4af8";
    private const int Networks = 6;
    private const int Mails = 807;

    private static readonly Dictionary<string, string> Defaults = [];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "netvaerk-year-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_small_year_writes_the_recorded_mailbox_byte_for_byte()
    {
        var year = await Year.RunAsync(Year.Engine.Runner, Path.Combine(_folder, "runner"), Networks, Defaults);

        Assert.Equal(Mails, year.Mails);
        Assert.Equal(SixNetworksMailbox, year.Fingerprint);
    }

    [Fact]
    public async Task Quartz_drives_the_same_year_to_the_same_mailbox()
    {
        var year = await Year.RunAsync(Year.Engine.Quartz, Path.Combine(_folder, "quartz"), Networks, Defaults);

        Assert.Equal(Mails, year.Mails);
        Assert.Equal(SixNetworksMailbox, year.Fingerprint);
    }

    [Fact]
    public async Task The_limit_harness_writes_the_years_files_and_outbox_rows()
    {
        var runner = Path.Combine(_folder, "runner");
        var year = await Year.RunAsync(Year.Engine.Runner, runner, Networks, Defaults);
        var workload = LimitHarness.Workload.Of(Path.Combine(runner, "netvaerk.db"), year.Mails, year.MailboxBytes);

        var limit = await LimitHarness.RunAsync(Path.Combine(_folder, "limit"), workload);

        Assert.Equal((Mails, Networks), (workload.Mails, workload.Networks));
        var files = Directory.GetFiles(Path.Combine(_folder, "limit", "mail"), "*.eml");
        Assert.Equal(Mails, files.Length);
        Assert.All(files, f => Assert.Equal(workload.MailBytes, new FileInfo(f).Length));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "limit", "mail"), "*.tmp"));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "limit", "limit.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT substr(key, 1, instr(key, '/step-') - 1)), SUM(state = 'delivered') FROM outbox;";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((Mails, Networks, Mails), (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        Assert.True(limit.Wall > TimeSpan.Zero && limit.Cpu > TimeSpan.Zero);
        // At least every file's bytes went through write() (on Linux, where the harness can count them).
        if (OperatingSystem.IsLinux()) Assert.True(limit.Written >= (long)Mails * workload.MailBytes, $"{limit.Written} B written");
    }

    [Fact]
    public async Task The_replayed_limit_writes_the_years_own_keys_in_the_years_order()
    {
        var runner = Path.Combine(_folder, "runner");
        var year = await Year.RunAsync(Year.Engine.Runner, runner, Networks, Defaults);
        var workload = LimitHarness.Workload.Of(Path.Combine(runner, "netvaerk.db"), year.Mails, year.MailboxBytes, replay: true);

        await LimitHarness.RunAsync(Path.Combine(_folder, "limit"), workload);

        // Steps keep to their network; a round's weekly digests of several networks go together.
        Assert.NotNull(workload.Replay);
        Assert.All(workload.Replay, t => Assert.All(t.Keys, k => Assert.StartsWith(t.Network ?? "digest/", k, StringComparison.Ordinal)));
        Assert.Contains(workload.Replay, t => t.Network is null && t.Keys.Select(k => k.Split('/')[2]).Distinct().Count() > 1);
        Assert.Equal(Networks, workload.Replay.Select(t => t.Network).OfType<string>().Distinct().Count());
        Assert.Equal(Keys(Path.Combine(runner, "netvaerk.db"), "outbox"), Keys(Path.Combine(_folder, "limit", "limit.db"), "outbox WHERE state = 'delivered'"));
    }

    private static List<string> Keys(string database, string from)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT key FROM {from} ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read()) keys.Add(reader.GetString(0));
        return keys;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
