using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

/// <summary>
/// Identity from App Service Authentication (Entra ID) in the Functions host: the platform signs the user in and passes
/// who they are in the <c>X-MS-CLIENT-PRINCIPAL</c> header (base64 JSON). The address is looked up exactly as a sign-in
/// link's is, so roles, forum and deactivation are the same as on the local host. Trusted only where the platform
/// authenticates: it strips this header from incoming requests, so a client cannot set it
/// (docs/decisions/009-functions-host.md); the local host never registers this scheme.
/// </summary>
public sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessWorkflow access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Where App Service Authentication signs a person in with Entra ID.</summary>
    public const string LoginPath = "/.auth/login/aad";

    /// <summary>Claim types that carry the address, in order of preference (Entra ID v2 tokens and older ones).</summary>
    private static readonly string[] AddressClaims =
        ["preferred_username", "email", "emails", ClaimTypes.Email, "upn", ClaimTypes.Upn];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(PrincipalHeader, out var header) || string.IsNullOrWhiteSpace(header)) return AuthenticateResult.NoResult();

        ClientPrincipal? client;
        try
        {
            client = JsonSerializer.Deserialize<ClientPrincipal>(Convert.FromBase64String(header.ToString()));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return AuthenticateResult.Fail("The client principal header is not base64 JSON.");
        }

        var claims = client?.Claims ?? [];
        var email = AddressClaims.Select(type => claims.FirstOrDefault(c => c.Type == type)?.Value)
            .FirstOrDefault(v => v is { Length: > 0 } && v.Contains('@', StringComparison.Ordinal));
        if (email is null) return AuthenticateResult.Fail("The client principal carries no e-mail address.");

        var user = await access.ActiveUserForAsync(email, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("The address has no access.");

        // A registered user's name is theirs; a first-time employee is named by the directory until they give one.
        var directoryName = claims.FirstOrDefault(c => c.Type == (client!.NameType ?? "name"))?.Value ?? claims.FirstOrDefault(c => c.Type == "name")?.Value;
        if (user.Name.Length == 0 && directoryName is { Length: > 0 } && !directoryName.Contains('@', StringComparison.Ordinal))
        {
            user = user with { Name = directoryName };
        }

        return AuthenticateResult.Success(new AuthenticationTicket(CurrentUser.Principal(user, sessionSecret: null, SchemeName), SchemeName));
    }

    /// <summary>The API answers 401 with problem details; a page sends the person to the Entra ID sign-in and back.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || HttpMethods.IsPost(Request.Method))
        {
            return Problems.Write(Context, 401, "Du skal være logget ind.");
        }

        var back = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect($"{LoginPath}?post_login_redirect_uri={Uri.EscapeDataString(back)}");
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, 403, "Du har ikke adgang til denne handling.");

    private sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("claims")] IReadOnlyList<ClientClaim>? Claims);

    private sealed record ClientClaim([property: JsonPropertyName("typ")] string Type, [property: JsonPropertyName("val")] string Value);
}

public static class LinkSignInFilter
{
    /// <summary>
    /// The route exists in both hosts (identical routes), but where App Service Authentication signs people in it answers
    /// 404 with a pointer to the municipal sign-in instead of issuing link sessions beside it.
    /// </summary>
    public static TBuilder LinkSignInOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.LinkSignIn
                ? await next(context)
                : Problems.Status(404, "Her logger du ind med din kommunekonto: " + AppServiceAuthenticationHandler.LoginPath, "link-sign-in-off"));
}
