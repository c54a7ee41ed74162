using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;

namespace Netvaerk.Local.Simulation;

/// <summary>
/// The network <c>simulate</c> drives: the seeds' running example, "frivillighed i Albertslund", with a small
/// cast that fits the type (citizens for welfare, experts for learning, companies for innovation).
/// </summary>
internal static class SampleNetwork
{
    private const string Organizer = "netvaerkssekretariatet@albertslund.dk";

    public static (NetworkSummary Summary, NetworkDirectory Directory) For(NetworkType type)
    {
        var summary = new NetworkSummary(
            $"eksempel-{type.ToString().ToLowerInvariant()}",
            "Frivillighed i Albertslund",
            type,
            "Mette Holm",
            "mette.holm@albertslund.dk",
            Organizer,
            "https://netvaerk.albertslund.dk/netvaerk/eksempel");

        var participants = new List<Recipient>
        {
            new("Mette Holm", "mette.holm@albertslund.dk"),
            new("Jonas Berg", "jonas.berg@albertslund.dk"),
            new("Aisha Karim", "aisha.karim@albertslund.dk"),
        };
        participants.AddRange(type switch
        {
            NetworkType.Welfare =>
            [
                External("Birthe Sørensen", "birthe.soerensen@example.dk"),
                External("Ole Madsen", "ole.madsen@example.dk"),
            ],
            NetworkType.Learning => [new Recipient("Lars Winther", "lars.winther@albertslund.dk")],
            _ =>
            [
                External("Frivilligcenter Albertslund", "kontakt@frivilligcenter.example.dk"),
                External("Professionshøjskolen (forsker)", "forsker@professionshoejskole.example.dk"),
                External("Birthe Sørensen", "birthe.soerensen@example.dk"),
            ],
        });

        var directory = new NetworkDirectory(
            participants[0],
            participants,
            [new Recipient("Netværkssekretariatet", Organizer)],
            [new Recipient("Kontaktperson for §17,4-udvalget", "udvalg17-4@albertslund.dk")]);
        return (summary, directory);
    }

    private static Recipient External(string name, string email) =>
        new(name, email, IsExternal: true, UnsubscribeUrl: $"https://netvaerk.albertslund.dk/afmeld/{Uri.EscapeDataString(email)}");
}
