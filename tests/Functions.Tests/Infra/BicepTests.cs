using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Netvaerk.Functions.Tests.Infra;

/// <summary>
/// infra/bicep builds and lints clean with the bicep binary from NuGet (Azure.Bicep.CommandLine.linux-x64): any
/// diagnostic, warning or error, fails. The compiled template is then checked for what the deployment must hold.
/// </summary>
public sealed class BicepTests
{
    private static string Metadata(string key) =>
        typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static string MainBicep => Path.Combine(Metadata("RepositoryRoot"), "infra", "bicep", "main.bicep");

    [Fact]
    public async Task The_templates_build_and_lint_without_a_single_diagnostic()
    {
        var build = await BicepAsync("build", MainBicep, "--stdout");
        Assert.True(build.ExitCode == 0, build.Errors);
        Assert.Equal("", build.Errors.Trim());

        var lint = await BicepAsync("lint", MainBicep);
        Assert.True(lint.ExitCode == 0, lint.Errors + lint.Output);
        Assert.Equal("", (lint.Errors + lint.Output).Trim());
    }

    [Fact]
    public async Task The_deployment_has_no_keys_in_app_settings_and_locks_local_auth_everywhere()
    {
        var build = await BicepAsync("build", MainBicep, "--stdout");
        Assert.Equal(0, build.ExitCode);
        var text = build.Output;
        using var template = JsonDocument.Parse(text);

        // No connection string with a key, no account key lookups, local auth off on storage, Cosmos and telemetry.
        Assert.DoesNotContain("listKeys", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.Ordinal);
        Assert.Contains("\"allowSharedKeyAccess\": false", text, StringComparison.Ordinal);
        Assert.Contains("\"disableLocalAuth\": true", text, StringComparison.Ordinal);
        Assert.Contains("\"DisableLocalAuth\": true", text, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__credential", text, StringComparison.Ordinal);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", text, StringComparison.Ordinal);
        Assert.Contains("FlexConsumption", text, StringComparison.Ordinal);
        Assert.Contains("EnableServerless", text, StringComparison.Ordinal);
        Assert.Contains("/tenantId", text, StringComparison.Ordinal);
        Assert.Contains("authsettingsV2", text, StringComparison.Ordinal);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", text, StringComparison.Ordinal);

        // Every role assignment is named with guid(), so a redeploy finds the same assignment instead of a conflict.
        var assignments = Resources(template.RootElement)
            .Where(r => r.GetProperty("type").GetString() is "Microsoft.Authorization/roleAssignments" or "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments")
            .Select(r => r.GetProperty("name").GetString()!)
            .ToList();
        Assert.Equal(4, assignments.Count); // storage (blob, queue, table: one loop); Key Vault secrets; telemetry; Cosmos data
        // A child resource (the Cosmos one) is named parent/guid(...).
        Assert.All(assignments, name => Assert.Matches(@"^\[(guid\(|format\('\{0\}/\{1\}', parameters\('name'\), guid\()", name));
    }

    /// <summary>Every resource declared anywhere in the template, nested deployments (the modules) included.</summary>
    private static IEnumerable<JsonElement> Resources(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && element.TryGetProperty("name", out _)
                && element.TryGetProperty("apiVersion", out _))
            {
                yield return element;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var nested in Resources(property.Value)) yield return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Resources(item)) yield return nested;
            }
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> BicepAsync(params string[] arguments)
    {
        var binary = Metadata("BicepPath");
        // NuGet does not keep the executable bit (the package, and these machines, are Linux).
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("The bicep package referenced is the linux-x64 one.");
        File.SetUnixFileMode(binary, File.GetUnixFileMode(binary) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // No telemetry, and no registry lookups: the templates use plain resources only.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
