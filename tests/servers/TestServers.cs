using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Netvaerk.Testing;

/// <summary>
/// The real servers the tests run against (tests/servers/package.json): installed from npm on first use (so
/// <c>dotnet test</c> alone sets up a fresh machine), started on loopback, stopped with the test run.
/// </summary>
public static partial class TestServers
{
    private static readonly Lazy<string> s_folder = new(FindFolder);

    /// <summary>tests/servers, found by walking up from the test binaries.</summary>
    public static string Folder => s_folder.Value;

    /// <summary>
    /// Runs <c>npm ci</c> in tests/servers unless its packages are there. Test assemblies run in parallel, so a lock file
    /// lets one install while the others wait.
    /// </summary>
    public static void EnsureInstalled()
    {
        var marker = Path.Combine(Folder, "node_modules", ".package-lock.json");
        if (File.Exists(marker)) return;
        using var gate = AcquireLock(Path.Combine(Folder, ".install.lock"));
        if (File.Exists(marker)) return;
        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("npm could not be started; Node.js and npm must be on PATH.");
        var errors = npm.StandardError.ReadToEndAsync();
        npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm ci in {Folder} failed: {errors.Result}");
    }

    /// <summary>A port free on loopback right now (the OS's choice).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first of <paramref name="count"/> consecutive ports free on loopback right now.</summary>
    public static int FreePorts(int count)
    {
        while (true)
        {
            var first = FreePort();
            if (first + count - 1 <= IPEndPoint.MaxPort && Enumerable.Range(first + 1, count - 1).All(IsFree)) return first;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts <c>node</c> with the arguments in tests/servers and waits until a line of its output matches
    /// <paramref name="ready"/>. The process is killed when the result is disposed, or when this process exits.
    /// </summary>
    public static async Task<NodeServer> StartNodeAsync(string arguments, Regex ready, TimeSpan? timeout = null)
    {
        EnsureInstalled();
        var process = Process.Start(new ProcessStartInfo("node", arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["NETVAERK_FIXTURE"] = "1" }, // the script then ends when our stdin pipe closes
        }) ?? throw new InvalidOperationException("node could not be started.");
        var server = new NodeServer(process);
        var started = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        var outputEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                outputEnded.TrySetResult();
                return;
            }

            lock (output) output.AppendLine(e.Data);
            if (ready.Match(e.Data) is { Success: true } match) started.TrySetResult(match);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                errorEnded.TrySetResult();
                return;
            }

            lock (output) output.AppendLine(e.Data);
        };
        process.Exited += async (_, _) =>
        {
            if (started.Task.IsCompleted) return;
            // Exited can be raised before the readers have delivered the last lines (the reason, e.g. EADDRINUSE): wait for
            // both streams to end — briefly, since a child left holding a pipe would keep it open.
            await Task.WhenAny(Task.WhenAll(outputEnded.Task, errorEnded.Task), Task.Delay(TimeSpan.FromSeconds(5)));
            string text;
            lock (output) text = output.ToString();
            started.TrySetException(new InvalidOperationException($"node {arguments} ended: {text}"));
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();

        var finished = await Task.WhenAny(started.Task, Task.Delay(timeout ?? TimeSpan.FromSeconds(60)));
        if (finished != started.Task)
        {
            server.Dispose();
            throw new TimeoutException($"node {arguments} did not start: {output}");
        }

        server.Ready = await started.Task;
        return server;
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "servers");
            if (File.Exists(Path.Combine(candidate, "package.json"))) return candidate;
        }

        throw new DirectoryNotFoundException("tests/servers (with package.json) was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A node process serving on loopback; killed (with its children) on dispose.</summary>
public sealed class NodeServer(Process process) : IDisposable
{
    public Match Ready { get; internal set; } = Match.Empty;

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // ended already
        }

        process.Dispose();
    }
}
