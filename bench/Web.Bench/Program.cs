using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

// Idea submissions against the embedded host on loopback at a fixed rate (open loop: each request leaves at its planned
// instant whether or not earlier ones have answered, and its latency counts from that instant, so a stall shows up in
// the tail rather than slowing the generator down).
// Usage: dotnet run -c Release --project bench/Web.Bench -- [requests/s=200] [seconds=60]
var rate = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
const int People = 4; // employees who sign in and send ideas in turn
const int MaxInFlight = 1000;

var root = RepositoryRoot();
var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!; // bin/<Configuration>/net10.0
var hostDll = Path.Combine(root, "src", "Local", "bin", configuration, "net10.0", "Netvaerk.Local.dll");
var folder = Path.Combine(Path.GetTempPath(), "netvaerk-web-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var port = FreePort();
var baseUri = new Uri($"http://127.0.0.1:{port}");

var start = new ProcessStartInfo("dotnet", [hostDll]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
start.Environment["ASPNETCORE_URLS"] = baseUri.ToString();
start.Environment["Sqlite__Path"] = Path.Combine(folder, "netvaerk.db");
start.Environment["Mailbox__Folder"] = Path.Combine(folder, "mail");
start.Environment["Logging__LogLevel__Default"] = "Warning";
// A few signed-in people send every idea: the per-person limit (10 an hour) is lifted to its highest for the measurement.
start.Environment["Access__IdeasPerPersonPerHour"] = "10000";
using var host = Process.Start(start)!;
host.OutputDataReceived += (_, _) => { };
host.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine(line); };
host.BeginOutputReadLine();
host.BeginErrorReadLine();
try
{
    using var handler = new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    await WaitUntilHealthyAsync(client);
    var cookies = new List<string>();
    for (var p = 0; p < People; p++) cookies.Add(await SignInAsync(client, Path.Combine(folder, "mail"), $"medarbejder{p}@albertslund.dk"));

    // Warm-up (JIT, connection pool, SQLite pages), not counted.
    for (var i = 0; i < 200; i++) await SubmitAsync(client, cookies[i % People], -1 - i);

    var total = rate * seconds;
    var latencies = new double[total];
    var statuses = new int[total];
    var inFlight = 0;
    var tasks = new List<Task>(total);
    var clock = Stopwatch.StartNew();
    var interval = TimeSpan.FromSeconds(1.0 / rate);
    for (var i = 0; i < total; i++)
    {
        var planned = interval * i;
        var wait = planned - clock.Elapsed;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        if (Interlocked.Increment(ref inFlight) > MaxInFlight)
        {
            Interlocked.Decrement(ref inFlight);
            statuses[i] = -1; // the generator's bound: counted as an error
            continue;
        }

        var n = i;
        tasks.Add(Task.Run(async () =>
        {
            try
            {
                statuses[n] = (int)await SubmitAsync(client, cookies[n % People], n);
            }
            catch (Exception)
            {
                statuses[n] = 0;
            }
            finally
            {
                latencies[n] = (clock.Elapsed - planned).TotalMilliseconds;
                Interlocked.Decrement(ref inFlight);
            }
        }));
    }

    await Task.WhenAll(tasks);
    var elapsed = clock.Elapsed;
    var answered = latencies.Where((_, i) => statuses[i] > 0).Order().ToArray();
    var errors = statuses.Count(s => s != (int)HttpStatusCode.Created);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"rate={rate}/s duration={seconds}s sent={total} achieved={total / elapsed.TotalSeconds:F1}/s errors={errors} " +
        $"p50={Percentile(answered, 0.50):F1}ms p90={Percentile(answered, 0.90):F1}ms p99={Percentile(answered, 0.99):F1}ms " +
        $"max={(answered.Length == 0 ? 0 : answered[^1]):F1}ms"));
    foreach (var group in statuses.Where(s => s != (int)HttpStatusCode.Created).GroupBy(s => s))
    {
        Console.WriteLine($"  status {group.Key}: {group.Count()}");
    }
}
finally
{
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    Directory.Delete(folder, recursive: true);
}

static async Task<HttpStatusCode> SubmitAsync(HttpClient client, string cookie, int n)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ideas")
    {
        Content = JsonContent.Create(new
        {
            title = $"Idé {n}: fælles indsats for ensomme ældre",
            description = "Et netværk på tværs af ældreområdet, frivilligcentret og sundhedsplejen, der vil prøve nye veje sammen med borgerne.",
            guide = new { spansManyAreasWithComplexProblems = true, citizenNearBoundedWelfare = true, missingKnowledgeOrCompetences = false },
        }),
    };
    request.Headers.Add("Cookie", cookie);
    using var response = await client.SendAsync(request);
    return response.StatusCode;
}

static async Task<string> SignInAsync(HttpClient client, string mailbox, string email)
{
    (await client.PostAsJsonAsync("/api/auth/link", new { email })).EnsureSuccessStatusCode();
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (true)
    {
        var link = Directory.Exists(mailbox)
            ? Directory.GetFiles(mailbox, "*.eml").Select(File.ReadAllText).Where(t => t.Contains(email, StringComparison.OrdinalIgnoreCase))
                .Select(t => Regex.Match(t.Replace("=\r\n", ""), @"log-ind/([A-Za-z0-9_\-]+)")).FirstOrDefault(m => m.Success)
            : null;
        if (link is not null)
        {
            var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { token = link.Groups[1].Value });
            response.EnsureSuccessStatusCode();
            return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        }

        if (DateTime.UtcNow > deadline) throw new TimeoutException("No sign-in e-mail arrived in the mailbox.");
        await Task.Delay(100);
    }
}

static async Task WaitUntilHealthyAsync(HttpClient client)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (true)
    {
        try
        {
            if ((await client.GetAsync("/health")).IsSuccessStatusCode) return;
        }
        catch (HttpRequestException)
        {
        }

        if (DateTime.UtcNow > deadline) throw new TimeoutException("The embedded host did not start.");
        await Task.Delay(200);
    }
}

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Netvaerk.Functions.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
