using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Netvaerk.Infrastructure.Queues;

/// <summary>The outbox queue and its poison queue, as clients (Base64 message text, as the Functions queue trigger expects).</summary>
public sealed class OutboxQueueClients
{
    public OutboxQueueClients(IOptions<OutboxQueueOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var service = Options.ConnectionString is { Length: > 0 } connection
            ? new QueueServiceClient(connection, clientOptions)
            : new QueueServiceClient(Options.ServiceUri, new DefaultAzureCredential(), clientOptions);
        Queue = service.GetQueueClient(Options.QueueName);
        Poison = service.GetQueueClient(Options.PoisonQueueName);
    }

    public OutboxQueueOptions Options { get; }

    public QueueClient Queue { get; }

    public QueueClient Poison { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>Queues a reference, visible at once or after <paramref name="delay"/> (a retry's backoff, up to 7 days).</summary>
    public Task SendAsync(OutboxReference reference, TimeSpan? delay = null, CancellationToken cancellationToken = default) =>
        Queue.SendMessageAsync(reference.ToJson(), visibilityTimeout: delay is { } d ? Min(d, TimeSpan.FromDays(7)) : null,
            cancellationToken: cancellationToken);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
