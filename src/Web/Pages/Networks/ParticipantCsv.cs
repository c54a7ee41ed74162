using System.Text;
using Netvaerk.Domain.Participants;
using Netvaerk.Web.Api;

namespace Netvaerk.Web.Pages.Networks;

/// <summary>One line of an imported participant list: the participant it makes, or why it makes none.</summary>
/// <param name="Line">The line number in the file (1 is the first line, the header included), as a spreadsheet shows it.</param>
/// <param name="Name">The name as written, for the report.</param>
/// <param name="Email">The address as written, for the report.</param>
/// <param name="Participant">The participant, when the line is valid.</param>
/// <param name="Error">Why the line was not imported (Danish), else null.</param>
/// <param name="Note">A remark on an imported line, e.g. an external without consent who will not be written to.</param>
public sealed record ParticipantLine(int Line, string Name, string Email, Participant? Participant, string? Error, string? Note = null);

/// <summary>
/// Reads a participant list as a spreadsheet saves it: columns navn, e-mail, type, rolle, samtykke, separated by
/// semicolons (Danish Excel) or commas, quotes allowed, a header line optional. Every line is checked on its own, so
/// the leader gets a per-line report instead of a refusal of the whole file.
/// </summary>
public static class ParticipantCsv
{
    public const int MaxLines = 500;

    private static readonly Dictionary<string, ParticipantKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["medarbejder"] = ParticipantKind.Employee, ["borger"] = ParticipantKind.Citizen, ["virksomhed"] = ParticipantKind.Company,
        ["vidensinstitution"] = ParticipantKind.KnowledgeInstitution, ["interesseorganisation"] = ParticipantKind.InterestOrganisation,
        ["politiker"] = ParticipantKind.Politician, ["ekspert"] = ParticipantKind.Expert,
    };

    private static readonly Dictionary<string, ParticipantRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kerne"] = ParticipantRole.Core, ["kernedeltager"] = ParticipantRole.Core,
        ["periferi"] = ParticipantRole.Peripheral, ["perifer"] = ParticipantRole.Peripheral, ["periferideltager"] = ParticipantRole.Peripheral,
    };

    /// <summary>The accepted type words, for the form's hint and the error message.</summary>
    public static string KindWords => string.Join(", ", Kinds.Keys);

    /// <summary>
    /// Every non-empty line of <paramref name="text"/> after the header; addresses already in <paramref name="known"/> or
    /// earlier in the file are refused by line. Null with a message when the file as a whole cannot be read.
    /// </summary>
    public static (IReadOnlyList<ParticipantLine>? Lines, string? Error) Read(string text, IEnumerable<string> known, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = Rows(text.TrimStart('\uFEFF')).ToList();
        if (rows.Count > 0 && rows[0].Fields is [var first, ..] && first.Trim().Equals("navn", StringComparison.OrdinalIgnoreCase)) rows.RemoveAt(0);
        rows.RemoveAll(r => r.Fields.All(string.IsNullOrWhiteSpace));
        if (rows.Count == 0) return (null, "Filen indeholder ingen deltagere.");
        if (rows.Count > MaxLines) return (null, $"Filen har {rows.Count} linjer; højst {MaxLines} ad gangen.");

        var seen = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        return (rows.Select(r => Line(r.Line, r.Fields, seen, now)).ToList(), null);
    }

    private static ParticipantLine Line(int line, List<string> fields, HashSet<string> seen, DateTimeOffset now)
    {
        string Field(int i) => i < fields.Count ? fields[i].Trim() : "";
        var (nameText, emailText, kindText, roleText, consentText) = (Field(0), Field(1), Field(2), Field(3), Field(4));
        ParticipantLine Refused(string error) => new(line, nameText, emailText, null, error);

        if (fields.Count > 5 && fields.Skip(5).Any(f => f.Trim().Length > 0)) return Refused("Linjen har flere end fem kolonner.");
        var v = new RequestValidation();
        var name = v.Text("navn", nameText, "Navnet");
        var email = v.Email("e-mail", emailText);
        var consent = v.OptionalText("samtykke", consentText, "Samtykkets kilde", 500);
        if (v.FirstErrors().Values.FirstOrDefault() is { } error) return Refused(error);
        if (!Kinds.TryGetValue(kindText, out var kind)) return Refused(kindText.Length == 0
            ? $"Typen mangler (en af: {KindWords})."
            : $"Ukendt type »{kindText}« (en af: {KindWords}).");
        var role = ParticipantRole.Core;
        if (roleText.Length > 0 && !Roles.TryGetValue(roleText, out role)) return Refused($"Ukendt rolle »{roleText}« (kerne eller periferi).");
        if (!seen.Add(email)) return Refused("Adressen er allerede deltager i netværket eller står tidligere i filen.");

        var participant = new Participant(Guid.NewGuid(), name, email, kind, role, consent is null ? null : new Consent(now, consent));
        return new ParticipantLine(line, nameText, emailText, participant, null,
            participant.CanBeContacted ? null : "Ekstern uden samtykke: kontaktes ikke, før samtykket er registreret.");
    }

    /// <summary>The file's rows with their first line number; quoted fields may hold separators, quotes ("") and line breaks.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Rows(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Contains(';', StringComparison.Ordinal) || !firstLine.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        var (line, rowLine) = (1, 1);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                yield return (rowLine, fields);
                (fields, line) = (new List<string>(), line + 1);
                rowLine = line;
                field.Clear();
            }
            else field.Append(c);
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return (rowLine, fields);
        }
    }
}
