using System.Globalization;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Web.Api;

/// <summary>Collects Danish field errors for one request; the endpoint answers 400 naming every bad field at once.</summary>
internal sealed class RequestValidation
{
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public bool IsValid => Errors.Count == 0;

    /// <summary>Each field's first message: what a page shows next to the field and in its error summary.</summary>
    public Dictionary<string, string> FirstErrors() => Errors.ToDictionary(e => e.Key, e => e.Value[0], StringComparer.Ordinal);

    public void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

    public string Text(string field, string? value, string label, int max = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label} skal udfyldes.");
        else if (value.Trim().Length > max) Add(field, $"{label} må højst være {max} tegn.");
        return value?.Trim() ?? "";
    }

    public string? OptionalText(string field, string? value, string label, int max = 4000)
    {
        if (value is not null && value.Trim().Length > max) Add(field, $"{label} må højst være {max} tegn.");
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string Email(string field, string? value, string label = "E-mailadressen")
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"{label} skal udfyldes.");
        else if (!EmailAddress.IsValid(value)) Add(field, $"{label} »{value}« er ikke en gyldig e-mailadresse.");
        return value?.Trim() ?? "";
    }

    public DateOnly? Date(string field, string? value, string label, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"{label} skal udfyldes (ÅÅÅÅ-MM-DD).");
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, $"{label} »{value}« er ikke en gyldig dato (ÅÅÅÅ-MM-DD).");
            return null;
        }

        if (!PlanningWindow.Contains(date))
        {
            Add(field, $"{label} skal ligge mellem {PlanningWindow.First:yyyy-MM-dd} og {PlanningWindow.Last:yyyy-MM-dd}.");
            return null;
        }

        return date;
    }

    public TimeOnly? Time(string field, string? value, string label, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"{label} skal udfyldes (TT:MM).");
            return null;
        }

        if (TimeOnly.TryParseExact(value, ["HH:mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        Add(field, $"{label} »{value}« er ikke et gyldigt klokkeslæt (TT:MM).");
        return null;
    }

    public TEnum? Enum<TEnum>(string field, string? value, string label, bool required = true)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"{label} skal udfyldes.");
            return null;
        }

        if (Domain.Timelines.TimelineJson.FromWireName<TEnum>(value) is { } known) return known;
        var allowed = string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => Domain.Timelines.TimelineJson.WireName(v)));
        Add(field, $"{label} »{value}« er ikke en gyldig værdi. Brug en af: {allowed}.");
        return null;
    }
}
