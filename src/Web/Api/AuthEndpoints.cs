using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

public sealed record SignInLinkRequest(string? Email);

public sealed record SignInRequest(string? Token);

public sealed record UserRequest(string? Name, List<string>? Roles, string? Forum);

public sealed record UserResponse(string Email, string Name, IReadOnlyList<StaffRole> Roles, Forum? Forum);

internal static class AuthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Log ind");
        auth.MapPost("/link", async (SignInLinkRequest request, AccessWorkflow access, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var email = v.Email("email", request.Email);
            if (!v.IsValid) return Problems.Validation(v.Errors);
            await access.RequestLinkAsync(email, ct);
            return Results.Accepted(value: new { message = "Hvis adressen har adgang, er der sendt et link til at logge ind." });
        }).AllowAnonymous();

        auth.MapPost("/sign-in", async (SignInRequest request, AccessWorkflow access, HttpContext http, CancellationToken ct) =>
        {
            var user = string.IsNullOrWhiteSpace(request.Token) ? null : await access.SignInAsync(request.Token.Trim(), ct);
            if (user is null) return Problems.Status(401, "Linket er ugyldigt, allerede brugt eller udløbet. Bed om et nyt.", "invalid-link");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(user));
            return Results.Ok(new UserResponse(user.Email, user.Name, user.Roles, user.Forum));
        }).AllowAnonymous();

        auth.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();

        api.MapGet("/me", async (HttpContext http, AccessWorkflow access, CancellationToken ct) =>
        {
            var user = await access.UserForAsync(http.User.Email(), ct);
            return user is null ? Problems.Status(401, "Du skal være logget ind.") : Results.Ok(new UserResponse(user.Email, user.Name, user.Roles, user.Forum));
        }).RequireAuthorization(Policies.Staff).WithTags("Log ind");

        var users = api.MapGroup("/users").WithTags("Brugere").RequireAuthorization(Policies.Secretariat);
        users.MapGet("/", async (IAccessStore store, WorkflowSettings settings, CancellationToken ct) =>
            Results.Ok((await store.ListUsersAsync(settings.TenantId, ct)).Select(u => new UserResponse(u.Email, u.Name, u.Roles, u.Forum))));
        users.MapPut("/{email}", async (string email, UserRequest request, AccessWorkflow access, CancellationToken ct) =>
        {
            var v = new RequestValidation();
            var address = v.Email("email", email);
            var name = v.Text("name", request.Name, "Navnet");
            var roles = (request.Roles ?? []).Select((r, i) => v.Enum<StaffRole>($"roles[{i}]", r, "Rollen")).OfType<StaffRole>().ToList();
            if (roles.Count == 0) v.Add("roles", "Angiv mindst én rolle.");
            var forum = v.Enum<Forum>("forum", request.Forum, "Forummet", required: roles.Contains(StaffRole.ForumMember));
            if (!v.IsValid) return Problems.Validation(v.Errors);
            var user = new StaffUser(address.ToLowerInvariant(), name, roles, forum);
            await access.SaveUserAsync(user, ct);
            return Results.Ok(new UserResponse(user.Email, user.Name, user.Roles, user.Forum));
        });
    }
}
