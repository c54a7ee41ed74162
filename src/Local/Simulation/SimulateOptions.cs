using System.Globalization;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Local.Simulation;

/// <summary>The arguments of <c>simulate</c>, parsed strictly: anything unknown is an error, not a guess.</summary>
internal sealed record SimulateOptions(NetworkType Type, DateOnly Start, bool Json)
{
    public const string Usage = """
        Brug: dotnet run --project src/Local -- simulate --type welfare|learning|innovation --start ÅÅÅÅ-MM-DD [--json]

          --type   netværkstypen: welfare (velfærdsnetværk), learning (læringsnetværk) eller innovation (innovationsnetværk)
          --start  dato for opstartsworkshoppen (dag 0), fx 2027-03-01; en fridag flyttes til næste arbejdsdag
          --json   skriv hele tidslinjen som ét JSON-array på standard output
        """;

    private static readonly Dictionary<string, NetworkType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["welfare"] = NetworkType.Welfare,
        ["velfaerd"] = NetworkType.Welfare,
        ["velfærd"] = NetworkType.Welfare,
        ["learning"] = NetworkType.Learning,
        ["laering"] = NetworkType.Learning,
        ["læring"] = NetworkType.Learning,
        ["innovation"] = NetworkType.Innovation,
    };

    /// <summary>The options, or the Danish reason they could not be read.</summary>
    public static (SimulateOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        NetworkType? type = null;
        DateOnly? start = null;
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--type" when i + 1 < args.Count:
                    if (!Types.TryGetValue(args[++i], out var t))
                        return (null, $"Ukendt netværkstype »{args[i]}«: brug welfare, learning eller innovation.");
                    type = t;
                    break;
                case "--start" when i + 1 < args.Count:
                    if (!DateOnly.TryParseExact(args[++i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        return (null, $"Ugyldig startdato »{args[i]}«: skriv datoen som ÅÅÅÅ-MM-DD, fx 2027-03-01.");
                    if (d.Year is < 2000 or > 2200)
                        return (null, $"Startdatoen »{args[i]}« ligger uden for det understøttede tidsrum (år 2000–2200).");
                    start = d;
                    break;
                case "--type" or "--start":
                    return (null, $"{args[i]} mangler en værdi.");
                default:
                    return (null, $"Ukendt argument »{args[i]}«.");
            }
        }

        if (type is null) return (null, "--type mangler.");
        if (start is null) return (null, "--start mangler.");
        return (new SimulateOptions(type.Value, start.Value, json), null);
    }
}
