using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Messages;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Digests;

/// <summary>What the weekly leader digest needs to know about one network. Nothing is looked up.</summary>
/// <param name="NetworkName">The network's theme, e.g. "Frivillighed i Albertslund".</param>
/// <param name="Type">The network type (must match the timeline's).</param>
/// <param name="Leader">The network leader, who receives the digest.</param>
/// <param name="Timeline">The network's timeline: meetings, day 0 and its settings (the citizen-involvement deadline).</param>
/// <param name="Now">When the digest is composed (its send instant).</param>
public sealed record LeaderDigestInput(
    string NetworkName,
    NetworkType Type,
    Recipient Leader,
    TimelineState Timeline,
    DateTimeOffset Now)
{
    /// <summary>What went out from the network in the past week.</summary>
    public IReadOnlyList<SentItem> SentLastWeek { get; init; } = [];

    /// <summary>The network's surveys; only those still open at <see cref="Now"/> are reported.</summary>
    public IReadOnlyList<SurveyProgress> Surveys { get; init; } = [];

    /// <summary>Registered involvement of citizens (for the citizen-involvement flag and the welfare target).</summary>
    public int CitizenInvolvementRegistrations { get; init; }

    /// <summary>Registered involvement of all groups (citizens, companies, knowledge institutions …).</summary>
    public int InvolvementRegistrations { get; init; }

    /// <summary>Innovation: titles of the proposals for new welfare services so far.</summary>
    public IReadOnlyList<string> ProposalTitles { get; init; } = [];

    /// <summary>Further open flags the host knows of, in Danish, one sentence each.</summary>
    public IReadOnlyList<string> OtherFlags { get; init; } = [];

    /// <summary>Optional link to the network's page (where the leader registers involvement).</summary>
    public string? NetworkUrl { get; init; }
}

/// <summary>Thresholds of the weekly leader digest (defaults).</summary>
public sealed record LeaderDigestSettings
{
    public static LeaderDigestSettings Default { get; } = new();

    /// <summary>Meetings within this many days from now are listed.</summary>
    public int UpcomingDays { get; init; } = 14;

    /// <summary>An open survey closing within this time (by default before the next weekly digest) …</summary>
    public TimeSpan ClosingSoonWithin { get; init; } = TimeSpan.FromDays(7);

    /// <summary>… with a response rate below this is flagged.</summary>
    public double LowResponseRate { get; init; } = 0.5;
}

/// <summary>
/// The weekly digest to a network leader (DOMAIN.md "Digests": "det vi taler om, giver vi liv"): open flags,
/// meetings in the next 14 days with date, time and place, what was sent last week, the open surveys' response
/// rates and progress toward the type's first-year target. Pure; a digest with nothing to say is not composed.
/// </summary>
public static class LeaderDigest
{
    /// <summary>
    /// The digest, or null when there is nothing to say: no meetings in the coming days, nothing sent last week,
    /// no open surveys and no open flags. (Progress alone is not news.)
    /// </summary>
    public static EmailMessage? Compose(LeaderDigestInput input, LeaderDigestSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        settings ??= LeaderDigestSettings.Default;
        Check(input);

        var meetings = UpcomingMeetings(input, settings);
        var surveys = input.Surveys.Where(s => s.IsOpen(input.Now)).OrderBy(s => s.ClosesAt).ToArray();
        var sent = input.SentLastWeek.OrderBy(s => s.SentAt).ToArray();
        var flags = Flags(input, settings);
        if (meetings.Count == 0 && surveys.Length == 0 && sent.Length == 0 && flags.Count == 0) return null;

        var label = DanishText.NetworkLabel(input.Type, input.NetworkName);
        var days = DigestText.Number(settings.UpcomingDays);
        var body = new MessageBuilder()
            .Paragraph($"Her er ugens overblik over {label}: hvad der kræver din opmærksomhed, hvad der sker de næste {days} dage, hvad der er sendt ud i den forgangne uge, og hvor langt netværket er nået mod sit mål.");

        if (flags.Count > 0)
        {
            body.Paragraph("Opmærksomhedspunkter:").Bullets(flags);
        }

        if (meetings.Count == 0)
        {
            body.Paragraph($"Der er ingen møder i netværket de næste {days} dage.");
        }
        else
        {
            body.Paragraph($"Møder de næste {days} dage:");
            foreach (var meeting in meetings)
            {
                body.TimeAndPlace(meeting, DanishText.Capitalize(DanishText.MeetingName(meeting)));
            }
        }

        if (sent.Length == 0)
        {
            body.Paragraph("Der er ikke sendt noget ud fra netværket i den forgangne uge.");
        }
        else
        {
            body.Paragraph("Sendt ud i den forgangne uge:").Bullets(sent.Select(SentLine));
        }

        if (surveys.Length > 0)
        {
            body.Facts("Svarprocenter", [.. surveys.Select(s => (DigestText.SurveyName(s.Kind), DigestText.Rate(s)))]);
        }

        AddProgress(body, input);
        if (input.NetworkUrl is not null)
        {
            body.Link("Se netværket og registrér inddragelse her:", "Gå til netværket", input.NetworkUrl);
        }

        return body.Build(
            $"Ugens overblik: {label}, uge {DigestText.Number(DigestSchedule.WeekNumber(input.Now))}",
            input.Leader,
            Signature.Netvaerksstedet,
            footerNote: "Overblikket sendes hver uge, når der er nyt fra netværket. Det er dannet automatisk af Netværksstedet ud fra netværkets tidsplan og registreringer.");
    }

    /// <summary>
    /// The open flags, in Danish: no citizen involvement registered after the timeline's deadline day (welfare by
    /// default); an open survey closing soon with a low response rate; then the host's own flags.
    /// </summary>
    public static IReadOnlyList<string> Flags(LeaderDigestInput input, LeaderDigestSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        settings ??= LeaderDigestSettings.Default;
        var flags = new List<string>();
        var timeline = input.Timeline;
        if (timeline.Settings.CitizenInvolvementDeadlineDay is { } deadline && input.CitizenInvolvementRegistrations == 0)
        {
            // The same deadline day as the timeline's secretariat flag: day 0 + N, on or after a working day.
            var calendar = new DanishCalendar(timeline.Settings.IncludeExtraNonWorkingDays);
            var deadlineDay = calendar.OnOrNextWorkingDay(timeline.Day0.AddDays(deadline));
            if (CopenhagenTime.DateOf(input.Now) > deadlineDay)
            {
                flags.Add($"Der er endnu ikke registreret borgerinddragelse, og fristen var {DanishText.Date(deadlineDay)} (dag {DigestText.Number(deadline)}). Borgerne skal inddrages løbende – registrér, hvem I har inddraget, hvor mange og hvordan.");
            }
        }

        foreach (var survey in input.Surveys.Where(s => s.IsOpen(input.Now)).OrderBy(s => s.ClosesAt))
        {
            if (survey.Invited > 0
                && survey.ClosesAt <= input.Now + settings.ClosingSoonWithin
                && survey.ResponseRate < settings.LowResponseRate)
            {
                flags.Add($"{DigestText.SurveyNameDefinite(survey.Kind)} lukker {DanishText.DateTime(survey.ClosesAt)}, og kun {DigestText.Answered(survey)}. Mind gerne deltagerne om at svare – fx på næste møde eller i en kort mail.");
            }
        }

        flags.AddRange(input.OtherFlags.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()));
        return flags;
    }

    private static List<Meeting> UpcomingMeetings(LeaderDigestInput input, LeaderDigestSettings settings)
    {
        var until = input.Now.AddDays(settings.UpcomingDays);
        return [.. input.Timeline.Meetings
            .Where(m => !m.Cancelled && m.StartsAt >= input.Now && m.StartsAt < until)
            .OrderBy(m => m.StartsAt)];
    }

    private static string SentLine(SentItem item) =>
        $"{DanishText.Capitalize(DanishText.ShortDate(CopenhagenTime.DateOf(item.SentAt)))} kl. {DanishText.Time(CopenhagenTime.TimeOf(item.SentAt))}: {item.Subject} ({DigestText.Recipients(item.Recipients)})";

    private static void AddProgress(MessageBuilder body, LeaderDigestInput input)
    {
        var meetings = input.Timeline.Meetings.Where(m => !m.Cancelled).ToArray();
        var held = meetings.Count(m => m.EndsAt <= input.Now);
        var facts = new List<(string, string)>
        {
            ("Målet", NetworkTypeProfiles.For(input.Type).StrategicTarget),
            ("Møder holdt", $"{DigestText.Number(held)} af {DigestText.Number(meetings.Length)}"),
        };
        switch (input.Type)
        {
            case NetworkType.Welfare:
                facts.Add(("Registreret borgerinddragelse", DigestText.Number(input.CitizenInvolvementRegistrations)));
                break;
            case NetworkType.Innovation:
                facts.Add(("Registreret inddragelse", DigestText.Number(input.InvolvementRegistrations)));
                facts.Add(("Forslag til nye velfærdsydelser", DigestText.Number(input.ProposalTitles.Count)));
                break;
        }

        body.Facts("Fremdrift mod målet", [.. facts]);
        if (input.Type == NetworkType.Innovation && input.ProposalTitles.Count > 0)
        {
            body.Paragraph("Forslag til nye velfærdsydelser indtil nu:").Bullets(input.ProposalTitles);
        }
    }

    private static void Check(LeaderDigestInput input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input.NetworkName, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Leader, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Timeline, nameof(input));
        if (input.Timeline.Type != input.Type)
        {
            throw new ArgumentException($"The timeline is for a {input.Timeline.Type} network, the digest for a {input.Type} network.", nameof(input));
        }
    }
}
