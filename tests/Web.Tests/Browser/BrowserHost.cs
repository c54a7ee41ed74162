using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Netvaerk.Local.Tests.EndToEnd;

namespace Netvaerk.Web.Tests.Browser;

/// <summary>The embedded host on Kestrel at a free loopback port, so a real browser can reach it; its links point there.</summary>
internal sealed class BrowserHost : TestHost
{
    private readonly int _port;

    public BrowserHost(DataFolder data, FakeTimeProvider clock) : base(data, clock)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        UseKestrel(_port);
        StartServer();
    }

    /// <summary>localhost, not 127.0.0.1: browsers treat it as secure, so the host's Secure cookies work over plain HTTP.</summary>
    public string Address => $"http://localhost:{_port}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Netvaerk:PublicBaseUrl", Address + "/");
    }
}
