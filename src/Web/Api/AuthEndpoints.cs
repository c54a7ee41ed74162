using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

public sealed record UserResponse(string Email, string Name, IReadOnlyList<StaffRole> Roles, Forum? Forum, bool Active)
{
    public static UserResponse Of(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Email, user.Name, user.Roles, user.Forum, user.Active);
    }
}

internal static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Log ind");
        auth.MapPost("/link", async (SignInLinkRequest request, AccessWorkflow access, LinkRequestLimiter limiter, CancellationToken ct) =>
        {
            // Known and unknown addresses, and refusals, all answer after the same fixed time.
            var started = Stopwatch.GetTimestamp();
            var v = new RequestValidation();
            var email = v.Email("email", request.Email);
            IResult answer;
            if (!v.IsValid)
            {
                answer = Problems.Validation(v.Errors);
            }
            else if (!limiter.TryAcquire(email))
            {
                answer = Problems.Status(429, "Der er bedt om for mange login-links til denne adresse. Vent en time, og prøv igen.", "too-many-links");
            }
            else
            {
                await access.RequestLinkAsync(email, ct);
                answer = Results.Accepted(value: new { message = "Hvis adressen har adgang, er der sendt et link til at logge ind." });
            }

            await limiter.PadAsync(started, ct);
            return answer;
        }).AllowAnonymous().RequireRateLimiting(LinkRequestLimiter.ClientPolicy).Produces(StatusCodes.Status202Accepted).LinkSignInOnly();

        auth.MapPost("/sign-in", async (SignInRequest request, AccessWorkflow access, HttpContext http, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var token = v.Text("token", request.Token, "Tokenet fra login-linket", 200);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var user = await access.SignInAsync(token, ct);
            if (user is null) return Problems.Status(401, "Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt.", "invalid-link");
            await Sessions.SignInAsync(http, access, user, ct);
            return Results.Ok(UserResponse.Of(user));
        }).AllowAnonymous().Produces<UserResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).LinkSignInOnly();

        auth.MapPost("/sign-out", async (HttpContext http, AccessWorkflow access, CancellationToken ct) =>
        {
            await Sessions.SignOutAsync(http, access, ct);
            return Results.NoContent();
        }).AllowAnonymous().Produces(StatusCodes.Status204NoContent);

        var me = api.MapGroup("/me").WithTags("Log ind").RequireAuthorization(Policies.Staff);
        me.MapGet("/", async (HttpContext http, AccessWorkflow access, CancellationToken ct) =>
        {
            var user = await access.UserForAsync(http.User.Email(), ct);
            return user is null ? Problems.Status(401, "Du skal være logget ind.") : Results.Ok(UserResponse.Of(user));
        }).Produces<UserResponse>();
        me.MapPut("/", async (NameRequest request, HttpContext http, AccessWorkflow access, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var name = v.Text("name", request.Name, "Dit navn", 200);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            return Results.Ok(UserResponse.Of(await access.SetNameAsync(http.User.Email(), name, ct)));
        }).Produces<UserResponse>();

        var users = api.MapGroup("/users").WithTags("Brugere").RequireAuthorization(Policies.Secretariat);
        users.MapGet("/", async (IAccessStore store, WorkflowSettings settings, CancellationToken ct) =>
            Results.Ok((await store.ListUsersAsync(settings.TenantId, ct)).Select(UserResponse.Of))).Produces<UserResponse[]>();
        users.MapPut("/{email}", async (string email, UserRequest request, AccessWorkflow access, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var address = v.Email("email", email);
            var name = v.Text("name", request.Name, "Navnet");
            var roles = (request.Roles ?? []).Select((r, i) => v.Enum<StaffRole>($"roles[{i}]", r, "Rollen")).OfType<StaffRole>().ToList();
            if (roles.Count == 0) v.Add("roles", "Angiv mindst én rolle.");
            var forum = v.Enum<Forum>("forum", request.Forum, "Forummet", required: roles.Contains(StaffRole.ForumMember));
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var user = new StaffUser(address.ToLowerInvariant(), name, roles, forum, request.Active ?? true);
            await access.SaveUserAsync(user, ct);
            return Results.Ok(UserResponse.Of(user));
        }).Produces<UserResponse>();
    }
}
