using System.Globalization;

// One calendar year of the local runner with N running networks of mixed types, on a fake clock (Year); with --quartz,
// the same year again driven by Quartz.NET (QuartzYear); then the same year's unavoidable I/O alone (LimitHarness), so
// one run prints its own ratio to that limit.
// Usage: dotnet run -c Release --project bench/Local.Bench -- [networks=1000] [folder] [--quartz] [--no-limit] [Section:Key=value …]
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
var settings = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
    .ToDictionary(a => a[..a.IndexOf('=', StringComparison.Ordinal)], a => a[(a.IndexOf('=', StringComparison.Ordinal) + 1)..]);

var runner = await Year.RunAsync(Year.Engine.Runner, folder, networks, settings);
Console.WriteLine($"runner: {runner}");
Console.WriteLine($"mailbox fingerprint={runner.Fingerprint}");

if (args.Contains("--quartz"))
{
    // The same year in the same process, driven by Quartz.NET (issue 12, point 3); after the runner's, so any warm-up
    // of the shared code favours Quartz.
    var quartz = await Year.RunAsync(Year.Engine.Quartz, folder + "-quartz", networks, settings);
    Console.WriteLine($"quartz: {quartz}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"quartz mailbox {(quartz.Fingerprint == runner.Fingerprint ? "identical" : "DIFFERENT: " + quartz.Fingerprint)}; " +
        $"quartz/runner wall={quartz.Wall / runner.Wall:F2}"));
    if (ownFolder) Directory.Delete(folder + "-quartz", recursive: true);
}

if (measureLimit && runner.Mails > 0)
{
    var workload = LimitHarness.Workload.Of(Path.Combine(folder, "netvaerk.db"), runner.Mails, runner.MailboxBytes);
    var limit = await LimitHarness.RunAsync(folder + "-limit", workload);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"limit={limit.TotalSeconds:F1}s ({workload}) ratio={runner.Wall / limit:F2}"));
    if (ownFolder) Directory.Delete(folder + "-limit", recursive: true);
}

if (ownFolder)
{
    Directory.Delete(folder, recursive: true);
}
