using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Ports;
using Netvaerk.Domain.Workflow;
using Netvaerk.Web.Api;
using static Netvaerk.Web.Pages.Html;

namespace Netvaerk.Web.Pages.Users;

/// <summary>What the user form holds: kept as written when it is refused.</summary>
public sealed record UserDraft(string Email = "", string Name = "", string Role = "", string Forum = "");

/// <summary>The secretariat's page of users and roles (the same rules as <c>PUT /api/users/{email}</c>).</summary>
public static class UserPages
{
    public static IEndpointRouteBuilder MapUserPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/brugere", async (HttpContext http, IAccessStore store, WorkflowSettings settings, CancellationToken ct) =>
        {
            var users = await store.ListUsersAsync(settings.TenantId, ct);
            var saved = users.FirstOrDefault(u => u.Email == http.Request.Query["gemt"].ToString());
            return Render<UsersPage>(new { Users = users, Saved = saved is null ? null : $"{saved.DisplayName} ({saved.Email})" });
        })
            .RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        endpoints.MapPost("/brugere", async (HttpContext http, IAccessStore store, AccessWorkflow access, WorkflowSettings settings, CancellationToken ct) =>
        {
            if (await Forms.ReadAsync(http, ct) is (var form, var refused) && refused is not null) return refused;
            var draft = new UserDraft(form!["email"].ToString().Trim(), form["navn"].ToString().Trim(), form["rolle"].ToString(), form["forum"].ToString());
            var v = new RequestValidation();
            var email = v.Email("email", draft.Email);
            var name = v.Text("navn", draft.Name, "Navnet");
            var role = Forms.Choice<StaffRole>(draft.Role);
            if (role is null) v.Add("rolle", "Vælg en rolle.");
            var forum = Forms.Choice<Forum>(draft.Forum);
            if (role == StaffRole.ForumMember && forum is null) v.Add("forum", "Vælg forummet for et forummedlem.");
            if (!v.IsValid)
            {
                return Render<UsersPage>(new
                {
                    Users = await store.ListUsersAsync(settings.TenantId, ct), Draft = draft,
                    Errors = v.FirstErrors(),
                }, 400);
            }

            // A new role joins the roles the user already has; the form never takes one away.
            var existing = (await store.ListUsersAsync(settings.TenantId, ct))
                .FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
            var roles = (existing?.Roles ?? []).Append(role!.Value).Distinct().ToList();
            await access.SaveUserAsync(new StaffUser(email.ToLowerInvariant(), name, roles,
                role == StaffRole.ForumMember ? forum : existing?.Forum, Active: true), ct);
            return Results.Redirect($"/brugere?gemt={Uri.EscapeDataString(email.ToLowerInvariant())}");
        }).RequireAuthorization(Policies.Secretariat).ExcludeFromDescription();

        return endpoints;
    }
}
