using Netvaerk.Domain.Messages;
using System.Globalization;
using System.Text.Json;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Local.Simulation;

/// <summary><c>simulate</c>: prints a sample network's whole timeline, as a Danish table or as one JSON array.</summary>
internal static class SimulateCommand
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>Runs the command; returns the process exit code (2 for bad arguments).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var (options, error) = SimulateOptions.Parse(args);
        if (options is null)
        {
            stderr.WriteLine($"Fejl: {error}");
            stderr.WriteLine();
            stderr.WriteLine(SimulateOptions.Usage);
            return 2;
        }

        var events = TimelineSimulator.Run(options.Type, options.Start);
        if (options.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(events, TimelineJson.Options));
        }
        else
        {
            WriteTable(options, events, stdout);
        }

        return 0;
    }

    private static void WriteTable(SimulateOptions options, IReadOnlyList<SimulatedEvent> events, TextWriter output)
    {
        var profile = NetworkTypeProfiles.For(options.Type);
        output.WriteLine($"{profile.DanishName} »Frivillighed i Albertslund« — opstartsworkshop {options.Start.ToString("dddd 'den' d. MMMM yyyy", Danish)}");
        output.WriteLine($"{events.Count(e => e.Kind == StepKind.Meeting)} møder og {events.Count(e => e.Kind != StepKind.Meeting)} udsendelser ({events.Where(e => e.Kind != StepKind.Meeting).Sum(e => e.Recipients)} e-mails).");
        output.WriteLine();
        var rows = events.Select(e => new[]
        {
            e.At.ToString("ddd dd-MM-yyyy 'kl.' HH.mm", Danish),
            What(e),
            AudienceName(e.To),
            e.Kind == StepKind.Meeting ? e.Place ?? "" : e.Subject,
        }).ToList();
        string[] header = ["Tidspunkt", "Hvad", "Til", "Emne / sted"];
        var widths = Enumerable.Range(0, 3).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Take(3).Select((c, i) => c.PadRight(widths[i])).Append(cells[3])).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(new string('-', widths.Sum() + 6 + 40));
        foreach (var row in rows) output.WriteLine(Line(row));
    }

    private static string What(SimulatedEvent e) => DanishText.StepName(e.Kind, e.StepId, e.To, e.Evaluation, e.MeetingKind);

    private static string AudienceName(Audience audience) => audience switch
    {
        Audience.AllParticipants => "alle deltagere",
        Audience.Leader => "netværkslederen",
        Audience.Secretariat => "sekretariatet",
        Audience.PoliticalLiaisonAndSecretariat => "§17,4-udvalget og sekretariatet",
        _ => audience.ToString(),
    };
}
