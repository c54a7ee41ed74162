using System.Globalization;
using System.Text.Json.Serialization;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;

namespace Netvaerk.Domain.Ideas;

/// <summary>
/// An employee's idea for a network, from submission to the forum's decision. State changes only through the
/// behaviour methods, which reject illegal transitions (<c>illegal-transition</c>) and times earlier than the
/// idea's last event (<c>time-out-of-order</c>). Every change is kept in <see cref="History"/>.
/// </summary>
public sealed class Idea
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private readonly List<IdeaTransition> _history;

    /// <summary>Restores an idea from stored state (used by JSON deserialisation); use <see cref="Submit"/> for new ideas.</summary>
    [JsonConstructor]
    public Idea(
        Guid id,
        string title,
        string description,
        Person submittedBy,
        NetworkType? suggestedType,
        DateTimeOffset submittedAt,
        IdeaStatus status,
        Forum? routedForum,
        DateTimeOffset? routedAt,
        IdeaDecision? decision,
        IReadOnlyList<IdeaTransition>? history)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("id-required", "Idéen mangler et id.");
        }

        ArgumentNullException.ThrowIfNull(submittedBy);
        Id = id;
        Title = string.IsNullOrWhiteSpace(title)
            ? throw new DomainException("title-required", "Idéen skal have en titel.")
            : title.Trim();
        Description = string.IsNullOrWhiteSpace(description)
            ? throw new DomainException("description-required", "Idéen skal have en beskrivelse.")
            : description.Trim();
        SubmittedBy = submittedBy;
        SuggestedType = suggestedType;
        SubmittedAt = submittedAt;
        Status = status;
        RoutedForum = routedForum;
        RoutedAt = routedAt;
        Decision = decision;
        _history = [.. history ?? []];

        var expected = _history.Count == 0 ? IdeaStatus.Submitted : _history[^1].To;
        if (expected != status)
        {
            throw new DomainException("inconsistent-history",
                $"Idéens status »{status.DanishName()}« passer ikke med dens historik, der slutter i »{expected.DanishName()}«.");
        }
    }

    public Guid Id { get; }

    public string Title { get; }

    public string Description { get; }

    public Person SubmittedBy { get; }

    /// <summary>The type the submitter suggested, if any.</summary>
    public NetworkType? SuggestedType { get; }

    public DateTimeOffset SubmittedAt { get; }

    public IdeaStatus Status { get; private set; }

    /// <summary>The forum the secretariat explicitly routed the idea to, if any.</summary>
    public Forum? RoutedForum { get; private set; }

    /// <summary>When the idea was last routed to a forum: the start of the reminder and escalation clock.</summary>
    public DateTimeOffset? RoutedAt { get; private set; }

    /// <summary>
    /// The forum that decides: the routed forum if the secretariat chose one, otherwise the suggested type's
    /// default (Direktørforum for innovation, Chefforum for welfare and learning), otherwise unknown.
    /// </summary>
    [JsonIgnore]
    public Forum? DecidingForum => RoutedForum ?? SuggestedType?.DefaultDecidingForum();

    /// <summary>The latest standing decision: approved, rejected, or more information needed (cleared when the information arrives).</summary>
    public IdeaDecision? Decision { get; private set; }

    /// <summary>Every change, oldest first.</summary>
    public IReadOnlyList<IdeaTransition> History => _history;

    /// <summary>A newly submitted idea.</summary>
    public static Idea Submit(Guid id, string title, string description, Person submittedBy, NetworkType? suggestedType, DateTimeOffset submittedAt) =>
        new(id, title, description, submittedBy, suggestedType, submittedAt, IdeaStatus.Submitted, null, null, null, []);

    /// <summary>The secretariat takes the idea into review (Submitted → InReview).</summary>
    public void StartReview(DateTimeOffset at)
    {
        // NeedsInfo → InReview is legal too, but that is ProvideInfo.
        EnsureIn(IdeaStatus.Submitted, IdeaStatus.InReview);
        Move(IdeaStatus.InReview, at, null);
    }

    /// <summary>
    /// The secretariat sends the idea to <paramref name="forum"/> for decision, overriding the type's default forum.
    /// From Submitted this also starts the review; an idea already in review can be re-routed (recorded in the
    /// history as InReview → InReview).
    /// </summary>
    public void RouteForDecision(Forum forum, DateTimeOffset at)
    {
        if (!Enum.IsDefined(forum))
        {
            throw new DomainException("invalid-forum", "Ukendt forum.");
        }

        if (Status is not (IdeaStatus.Submitted or IdeaStatus.InReview))
        {
            throw new DomainException("illegal-transition",
                $"Idéen kan ikke sendes til beslutning, når den har status »{Status.DanishName()}«.");
        }

        EnsureInOrder(at);
        var note = $"Sendt til beslutning i {forum.DanishName()}.";
        if (Status == IdeaStatus.Submitted)
        {
            Move(IdeaStatus.InReview, at, note);
        }
        else
        {
            _history.Add(new IdeaTransition(Status, Status, at, note));
        }

        RoutedForum = forum;
        RoutedAt = at;
    }

    /// <summary>More information is needed from the submitter (InReview → NeedsInfo). The reason is what to provide.</summary>
    public void RequestInfo(string reason, DateTimeOffset at)
    {
        EnsureCanMove(IdeaStatus.NeedsInfo);
        var text = RequireReason(reason, "Skriv, hvilke oplysninger der mangler.");
        Move(IdeaStatus.NeedsInfo, at, text);
        Decision = new IdeaDecision(IdeaDecisionOutcome.NeedsInfo, text, at, null);
    }

    /// <summary>
    /// The submitter has provided the information (NeedsInfo → InReview). An idea that was with a forum goes back to it
    /// as a new request: the forum's ten and twenty working days count from now (<see cref="RoutedAt"/>), not from the
    /// first routing — the wait for the submitter is not the forum's delay.
    /// </summary>
    public void ProvideInfo(DateTimeOffset at, string? information = null)
    {
        // Submitted → InReview is legal too, but that is StartReview.
        EnsureIn(IdeaStatus.NeedsInfo, IdeaStatus.InReview);
        Move(IdeaStatus.InReview, at, Blank(information));
        Decision = null;
        if (RoutedAt is not null) RoutedAt = at;
    }

    /// <summary>The forum approves the idea (InReview → Approved).</summary>
    public void Approve(string? reason, DateTimeOffset at)
    {
        EnsureCanMove(IdeaStatus.Approved);
        var forum = RequireForum();
        var text = Blank(reason);
        Move(IdeaStatus.Approved, at, text);
        Decision = new IdeaDecision(IdeaDecisionOutcome.Approved, text, at, forum);
    }

    /// <summary>The forum rejects the idea (InReview → Rejected); the submitter is owed a reason.</summary>
    public void Reject(string reason, DateTimeOffset at)
    {
        EnsureCanMove(IdeaStatus.Rejected);
        var text = RequireReason(reason, "En afvisning skal have en begrundelse.");
        var forum = RequireForum();
        Move(IdeaStatus.Rejected, at, text);
        Decision = new IdeaDecision(IdeaDecisionOutcome.Rejected, text, at, forum);
    }

    private void Move(IdeaStatus to, DateTimeOffset at, string? reason)
    {
        EnsureCanMove(to);
        EnsureInOrder(at);
        _history.Add(new IdeaTransition(Status, to, at, reason));
        Status = to;
    }

    private void EnsureCanMove(IdeaStatus to)
    {
        if (!IdeaStatuses.CanMove(Status, to))
        {
            throw IllegalTransition(to);
        }
    }

    private void EnsureIn(IdeaStatus from, IdeaStatus to)
    {
        if (Status != from)
        {
            throw IllegalTransition(to);
        }
    }

    private DomainException IllegalTransition(IdeaStatus to) =>
        new("illegal-transition", $"Idéen kan ikke gå fra »{Status.DanishName()}« til »{to.DanishName()}«.");

    private void EnsureInOrder(DateTimeOffset at)
    {
        var last = _history.Count == 0 ? SubmittedAt : _history[^1].At;
        if (at < last)
        {
            throw new DomainException("time-out-of-order",
                $"Tidspunktet {at.ToString("d. MMMM yyyy HH:mm", Danish)} ligger før idéens seneste hændelse "
                    + $"{last.ToString("d. MMMM yyyy HH:mm", Danish)}.");
        }
    }

    private Forum RequireForum() =>
        DecidingForum ?? throw new DomainException("forum-required",
            "Idéen har hverken en foreslået netværkstype eller et forum. Send den til beslutning i et forum først.");

    private static string RequireReason(string? reason, string message) =>
        Blank(reason) ?? throw new DomainException("reason-required", message);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
