using Microsoft.Extensions.Hosting;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Functions.Http;

/// <summary>
/// The configured first secretariat user exists before anyone signs in (on the local host the runner does this at start).
/// Registered after the store's initializer, so the containers are there.
/// </summary>
public sealed class FirstSecretariat(AccessWorkflow access) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => access.EnsureFirstSecretariatAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
