using System.Globalization;

// One calendar year of the local runner with N running networks of mixed types, on a fake clock (Year); with --quartz,
// the same year again driven by Quartz.NET (QuartzYear), each job delivering its e-mails; with --quartz-aside, Quartz
// with delivery in batches beside the jobs, as the runner does it; then the same year's unavoidable I/O alone (LimitHarness), so
// one run prints its own ratio to that limit.
// Usage: dotnet run -c Release --project bench/Local.Bench -- [networks=1000] [folder] [--quartz] [--quartz-aside] [--no-limit] [--limit-replay] [Section:Key=value …]
//        dotnet run -c Release --project bench/Local.Bench -- fingerprint <mail folder>   (a kept run's mailbox again)
//        dotnet run -c Release --project bench/Local.Bench -- limit <year folder> <new folder> [--limit-replay]   (a kept year's limit again)
if (args is ["fingerprint", var mailFolder])
{
    Console.WriteLine($"mailbox fingerprint={Fingerprint.Of(Directory.GetFiles(mailFolder, "*.eml"))}");
    return;
}

if (args is ["limit", var yearFolder, var limitFolder, ..])
{
    // The limit alone, for a kept year: so the harness's variants can be compared on the same workload.
    var files = Year.MailFiles(yearFolder);
    var kept = LimitHarness.Workload.Of(Path.Combine(yearFolder, "netvaerk.db"), files.Length, files.Sum(f => new FileInfo(f).Length),
        replay: args.Contains("--limit-replay"));
    Console.WriteLine((await LimitHarness.RunAsync(limitFolder, kept)).Describe(kept));
    return;
}

var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal)).ToArray();
var networks = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 1000;
var ownFolder = positional.Length < 2;
var folder = ownFolder ? Path.Combine(Path.GetTempPath(), "netvaerk-bench-" + Guid.NewGuid().ToString("N")) : positional[1];
var measureLimit = !args.Contains("--no-limit");
var settings = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
    .ToDictionary(a => a[..a.IndexOf('=', StringComparison.Ordinal)], a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]);

var runner = await Year.RunAsync(Year.Engine.Runner, folder, networks, settings);
Console.WriteLine($"runner: {runner}");
Console.WriteLine($"mailbox fingerprint={runner.Fingerprint}");

foreach (var (flag, engine) in new[] { ("--quartz", Year.Engine.Quartz), ("--quartz-aside", Year.Engine.QuartzDeliveringAside) })
{
    if (!args.Contains(flag)) continue;
    // The same year in the same process, driven by Quartz.NET (issue 12, point 3); after the runner's, so any warm-up
    // of the shared code favours Quartz.
    var quartzFolder = folder + flag[1..];
    var quartz = await Year.RunAsync(engine, quartzFolder, networks, settings);
    Console.WriteLine($"{flag[2..]}: {quartz}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{flag[2..]} mailbox {(quartz.Fingerprint == runner.Fingerprint ? "identical" : "DIFFERENT: " + quartz.Fingerprint)}; " +
        $"{flag[2..]}/runner wall={quartz.Wall / runner.Wall:F2}"));
    if (ownFolder) Directory.Delete(quartzFolder, recursive: true);
}

if (measureLimit && runner.Mails > 0)
{
    var workload = LimitHarness.Workload.Of(Path.Combine(folder, "netvaerk.db"), runner.Mails, runner.MailboxBytes, replay: args.Contains("--limit-replay"));
    var limit = await LimitHarness.RunAsync(folder + "-limit", workload);
    // The ratio in CPU as well as in wall time: on two cores the year is CPU-bound, so CPU per e-mail is what can move.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{limit.Describe(workload)} ratio={runner.Wall / limit.Wall:F2} cpuRatio={(runner.User + runner.Sys) / limit.Cpu:F2}"));
    if (ownFolder) Directory.Delete(folder + "-limit", recursive: true);
}

if (ownFolder)
{
    Directory.Delete(folder, recursive: true);
}
