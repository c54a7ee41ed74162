using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Netvaerk.DurableWorker;
using Netvaerk.Infrastructure;
using Netvaerk.Local;
using Netvaerk.Web;

// Usage: Netvaerk.DurableWorker <storage connection> <task hub> <folder> <simulated start, ISO 8601> <ms per timer> <N|NPlus1> <iterations per generation>
// The folder holds the SQLite database and the mailbox the activities use (the test seeded it). Runs until stdin closes.
if (args.Length != 7)
{
    Console.Error.WriteLine("Netvaerk.DurableWorker <storage> <hub> <folder> <start> <ms per timer> <N|NPlus1> <iterations>");
    return 2;
}

var (connection, hub, folder) = (args[0], args[1], args[2]);
var start = DateTime.Parse(args[3], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
var perTimer = TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture));
var build = Enum.Parse<Build>(args[5]);
var iterations = int.Parse(args[6], CultureInfo.InvariantCulture);

// The embedded system's services over the test's database and mailbox (the runner off: the orchestration drives).
var builder = Host.CreateApplicationBuilder();
// Logs go to stderr: stdout carries only "started".
builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Sqlite:Path"] = Path.Combine(folder, "netvaerk.db"),
    ["Mailbox:Folder"] = Path.Combine(folder, "mail"),
    ["Runner:Enabled"] = "false",
});
builder.Services.AddInfrastructure(builder.Configuration).AddWeb().AddLocalHost();
using var services = builder.Build();

var service = StorageHub.Service(connection, hub, $"worker-{Environment.ProcessId}", services.Services.GetRequiredService<ILoggerFactory>());
await service.CreateIfNotExistsAsync();
var worker = StorageHub.Worker(service, services.Services, build, start, perTimer, iterations, Path.Combine(folder, "audit.txt"));
await worker.StartAsync();
Console.WriteLine("started");

// Until the test closes stdin (a graceful stop) — or kills the process, which is the point.
await Console.In.ReadToEndAsync();
await worker.StopAsync(isForced: true);
return 0;
