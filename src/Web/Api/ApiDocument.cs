using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace Netvaerk.Web.Api;

/// <summary>
/// Makes the OpenAPI document tell the truth: which request fields are required and which values they allow (from the
/// attributes in <see cref="RequestExampleAttribute"/>'s file), an example per body, and every problem an endpoint can
/// answer with — derived from the endpoint itself, so a new endpoint is described without anyone remembering to.
/// </summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Netværksstedet";
            document.Info.Description = "Albertslund Kommunes netværksstruktur: idéer, beslutninger, netværk, tidslinjer og spørgeskemaer. "
                + "Fejl er RFC 9457 problem details på dansk; valideringsfejl navngiver hvert felt under errors.";
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            // A nested request type (a contract's leader) reaches here through its parent's property too, so the type's own
            // rules apply whether or not a property is in the context.
            if (type.GetCustomAttribute<RequestExampleAttribute>(false) is { } example)
            {
                schema.Examples = [JsonNode.Parse(example.Json)!];
            }

            if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object
                && type.Namespace == typeof(ApiDocument).Namespace && type.Name.EndsWith("Request", StringComparison.Ordinal))
            {
                // Positional records make every parameter look required; what the endpoint requires is marked [Required].
                schema.Required = context.JsonTypeInfo.Properties
                    .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true)
                    .Select(p => p.Name)
                    .ToHashSet(StringComparer.Ordinal);
                if (type.GetCustomAttribute<DescriptionAttribute>(false) is { } description) schema.Description = description.Description;
            }

            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(WireValuesAttribute), inherit: true)
                    .OfType<WireValuesAttribute>().FirstOrDefault() is { } values)
            {
                var target = schema.Items as OpenApiSchema ?? schema;
                target.Enum = values.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
                // An optional field may be null (left out); the schema's type says so, and the allowed values must agree.
                if (target == schema && schema.Type?.HasFlag(JsonSchemaType.Null) == true) target.Enum.Add(null!);
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is OpenApiResponse r && int.TryParse(status, out var code))
                {
                    r.Description = code < 300 ? "Udført." : Problems.TitleFor(code);
                }
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// The problems an endpoint can answer with, read from what it is: a body can be invalid (400), too large (413) or
    /// of the wrong type (415); a protected endpoint can refuse (401, 403); a route with ids can miss (404); a change can
    /// conflict (409); the sign-in link is rate-limited (429).
    /// </summary>
    public static void DescribeProblems(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route) return;
        var metadata = endpoint.Metadata;
        var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToArray();
        var changes = methods.Any(m => !HttpMethods.IsGet(m));
        var protectedEndpoint = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var pattern = route.RoutePattern.RawText ?? "";

        void Add(int status, Type type) => metadata.Add(new ProducesResponseTypeMetadata(status, type, ["application/problem+json"]));

        // A resource named in the route: a network, an idea, a survey link (a user's address is created if unknown).
        var namesResource = route.RoutePattern.Parameters.Any(p => p.Name is "id" or "token");
        if (metadata.OfType<IAcceptsMetadata>().Any())
        {
            Add(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            Add(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
            Add(StatusCodes.Status415UnsupportedMediaType, typeof(ProblemDetails));
        }
        else if (changes && namesResource)
        {
            Add(StatusCodes.Status400BadRequest, typeof(ProblemDetails)); // a domain rule (an unknown step, a day off)
        }

        if (protectedEndpoint)
        {
            Add(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
            Add(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
        }

        if (namesResource) Add(StatusCodes.Status404NotFound, typeof(ProblemDetails));
        if (changes && namesResource && protectedEndpoint) Add(StatusCodes.Status409Conflict, typeof(ProblemDetails));
        if (pattern.EndsWith("auth/link", StringComparison.Ordinal)) Add(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails));
        if (changes && metadata.OfType<IAllowAnonymous>().Any()) Add(StatusCodes.Status403Forbidden, typeof(ProblemDetails)); // cross-site guard
    }
}
