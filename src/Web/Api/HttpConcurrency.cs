using Microsoft.AspNetCore.Http;

namespace Netvaerk.Web.Api;

/// <summary>ETag out, If-Match in: a client that sends the ETag it read gets 409 if someone changed the resource since.</summary>
internal static class HttpConcurrency
{
    public static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(value) || value == "*") return null;
        return value.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
    }

    public static IResult WithETag(this IResult result, HttpContext http, string etag)
    {
        http.Response.Headers.ETag = $"\"{etag}\"";
        return result;
    }
}
