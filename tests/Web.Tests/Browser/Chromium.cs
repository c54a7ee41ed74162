using System.Diagnostics;
using Microsoft.Playwright;

namespace Netvaerk.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium, driven by Playwright (nothing here downloads a browser). Installed with apt when missing, as the
/// npm servers are installed on first use; one browser per test class, a fresh context per test.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Path = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Install();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            // This machine's network is closed: without these, Chromium keeps trying to reach Google's hosts.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    private static readonly Lock Gate = new();

    private static void Install()
    {
        lock (Gate)
        {
            if (File.Exists(Path)) return;
            Run("apt-get", "update -qq");
            Run("apt-get", "install -y -qq chromium");
            if (!File.Exists(Path)) throw new InvalidOperationException($"Chromium is not at {Path}: install Debian's package (apt-get install chromium).");
        }
    }

    private static void Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} could not start.");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed (Chromium is needed for the browser tests; run as root or install it): {error.Result}");
        }
    }
}
