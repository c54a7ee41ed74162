using System.Text.RegularExpressions;

namespace Netvaerk.Testing;

/// <summary>npm <c>azurite</c>'s queue service on loopback, in memory.</summary>
public sealed partial class AzuriteServer : IDisposable
{
    private readonly NodeServer _node;

    private AzuriteServer(NodeServer node, int port)
    {
        _node = node;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    /// <summary>Azurite's well-known development account, at this server's port.</summary>
    public string ConnectionString { get; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var port = TestServers.FreePort();
        var node = await TestServers.StartNodeAsync($"azurite.js {port}", ListeningRegex());
        return new AzuriteServer(node, port);
    }

    public void Dispose() => _node.Dispose();

    [GeneratedRegex(@"^listening (\d+)")]
    private static partial Regex ListeningRegex();
}
