using System.Text.RegularExpressions;

namespace Netvaerk.Testing;

/// <summary>npm <c>azurite</c>'s queue service on loopback, in memory.</summary>
public sealed partial class AzuriteServer : IDisposable
{
    private readonly NodeServer _node;

    private const string Account = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;";

    private AzuriteServer(NodeServer node, string connectionString)
    {
        _node = node;
        ConnectionString = connectionString;
    }

    /// <summary>Azurite's well-known development account, at this server's port.</summary>
    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var (node, port) = await StartOnFreePortAsync(1, port => $"azurite.js {port}");
        return new AzuriteServer(node, Account + $"QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
    }

    /// <summary>Blob, queue and table (the Durable Task Azure Storage backend's three), on three consecutive ports.</summary>
    public static async Task<AzuriteServer> StartAllAsync()
    {
        var (node, port) = await StartOnFreePortAsync(3, port => $"azurite.js {port} --all");
        return new AzuriteServer(node, Account + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;"
            + $"QueueEndpoint=http://127.0.0.1:{port + 1}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port + 2}/devstoreaccount1;");
    }

    /// <summary>
    /// Azurite takes a port number, not 0, so the port is picked before it listens; test assemblies starting servers in
    /// parallel can take it in between (EADDRINUSE), and then other free ports are tried.
    /// </summary>
    private static async Task<(NodeServer Node, int Port)> StartOnFreePortAsync(int ports, Func<int, string> arguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = TestServers.FreePorts(ports);
            try
            {
                return (await TestServers.StartNodeAsync(arguments(port), ListeningRegex()), port);
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                // Ended while starting: nearly always EADDRINUSE; any other cause repeats and is reported on the last try.
            }
        }
    }

    public void Dispose() => _node.Dispose();

    [GeneratedRegex(@"^listening (\d+)")]
    private static partial Regex ListeningRegex();
}
