using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Netvaerk.Testing;

namespace Netvaerk.Infrastructure.Tests.Servers;

/// <summary>The fixture that starts the npm servers: its retry on a taken port rests on the server's reason reaching it.</summary>
public sealed class TestServersTests
{
    [Fact]
    public async Task A_server_that_ends_while_starting_reports_its_last_words_every_time()
    {
        // A server that says a lot and then why it ends, as Azurite does when its port is taken. The exit and the last
        // lines race; repeated, a lost line would show.
        const string Script = "for (let i = 0; i < 2000; i++) console.log('starting ' + i); "
            + "console.error('listen EADDRINUSE: address already in use'); process.exit(1)";
        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(
                () => TestServers.StartNodeAsync($"-e \"{Script}\"", new Regex("^listening ")));
            Assert.Contains("EADDRINUSE", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Consecutive_free_ports_are_all_free()
    {
        var first = TestServers.FreePorts(3);
        for (var port = first; port < first + 3; port++)
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start(); // throws if taken
        }
    }
}
