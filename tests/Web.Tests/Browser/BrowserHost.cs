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

    /// <summary>
    /// A client of the real server for the test's own set-up. It keeps cookies itself: a cookie container would not send
    /// the host's Secure cookies over plain HTTP, which browsers do allow for localhost.
    /// </summary>
    public override HttpClient Client() => new(new CookieJar(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }))
    {
        BaseAddress = new Uri(Address),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Netvaerk:PublicBaseUrl", Address + "/");
    }
}

/// <summary>Every cookie the server sets, sent back on every request (one site, one client).</summary>
internal sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_cookies)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            lock (_cookies)
            {
                foreach (var pair in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }

        return response;
    }
}
