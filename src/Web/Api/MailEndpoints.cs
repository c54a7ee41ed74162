using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

/// <summary>An e-mail that will not go out by itself: the mail service refused it, or it failed too often.</summary>
public sealed record UndeliveredResponse(string Key, string To, string Subject, DateTimeOffset CreatedAt, int Attempts, string? LastError);

internal static class MailEndpoints
{
    /// <summary>How far back the secretariat's list of undelivered e-mail looks.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);

    public static void Map(RouteGroupBuilder api)
    {
        var mail = api.MapGroup("/mail").WithTags("E-mail").RequireAuthorization(Policies.Secretariat);

        // Dead-lettered entries: a refused address (SendGrid 4xx) or a message that failed every attempt. The secretariat
        // corrects the address and the step is run again; nothing here is retried automatically.
        mail.MapGet("/undelivered", async (IOutbox outbox, WorkflowSettings settings, TimeProvider time, CancellationToken ct) =>
            Results.Ok((await outbox.ListAsync(settings.TenantId, "", time.GetUtcNow() - Window, ct))
                .Where(e => e.State == DeliveryState.DeadLetter)
                .Select(e => new UndeliveredResponse(e.Message.Key, e.Message.ToAddress, e.Message.Message.Subject, e.Message.CreatedAt, e.Attempts, e.LastError))
                .ToArray()))
            .Produces<UndeliveredResponse[]>();
    }
}
