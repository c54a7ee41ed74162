using System.Globalization;
using System.Text.Json.Serialization;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Ideas;

namespace Netvaerk.Domain.Networks;

/// <summary>
/// A network from approval to closing. State changes only through the behaviour methods, which reject illegal
/// transitions (<c>illegal-transition</c>) and times earlier than the network's last event
/// (<c>time-out-of-order</c>). A network starts only with a complete <see cref="NetworkContract"/>.
/// </summary>
public sealed class Network
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private readonly List<NetworkTransition> _history;

    /// <summary>Restores a network from stored state (used by JSON deserialisation); use <see cref="CreateDraft"/> for new networks.</summary>
    [JsonConstructor]
    public Network(
        Guid id,
        Guid? ideaId,
        DateTimeOffset createdAt,
        NetworkContract contract,
        NetworkStatus status,
        bool endedEarly,
        IReadOnlyList<NetworkTransition>? history)
    {
        if (id == Guid.Empty)
        {
            throw new DomainException("id-required", "Netværket mangler et id.");
        }

        ArgumentNullException.ThrowIfNull(contract);
        Id = id;
        IdeaId = ideaId;
        CreatedAt = createdAt;
        Contract = contract;
        Status = status;
        EndedEarly = endedEarly;
        _history = [.. history ?? []];

        var expected = _history.Count == 0 ? NetworkStatus.Draft : _history[^1].To;
        if (expected != status)
        {
            throw new DomainException("inconsistent-history",
                $"Netværkets status »{status.DanishName()}« passer ikke med dets historik, der slutter i »{expected.DanishName()}«.");
        }
    }

    public Guid Id { get; }

    /// <summary>The approved idea the network came from, if any.</summary>
    public Guid? IdeaId { get; }

    public DateTimeOffset CreatedAt { get; }

    public NetworkContract Contract { get; private set; }

    public NetworkStatus Status { get; private set; }

    /// <summary>The network was closed before its planned end (see <see cref="CloseEarly"/>).</summary>
    public bool EndedEarly { get; private set; }

    /// <summary>Every transition, oldest first.</summary>
    public IReadOnlyList<NetworkTransition> History => _history;

    /// <summary>When the network first started, if it has.</summary>
    [JsonIgnore]
    public DateTimeOffset? StartedAt => _history.FirstOrDefault(t => t.To == NetworkStatus.Running)?.At;

    /// <summary>A new network in <see cref="NetworkStatus.Draft"/>, whose leader completes <paramref name="contract"/>.</summary>
    public static Network CreateDraft(Guid id, NetworkContract contract, DateTimeOffset createdAt, Guid? ideaId = null) =>
        new(id, ideaId, createdAt, contract, NetworkStatus.Draft, endedEarly: false, []);

    /// <summary>
    /// A draft network for an approved idea: the idea's title becomes the theme, its suggested type the type, and
    /// the forum that decided the idea the deciding forum.
    /// </summary>
    public static Network FromApprovedIdea(Guid id, Idea idea, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(idea);
        if (idea.Status != IdeaStatus.Approved)
        {
            throw new DomainException("idea-not-approved",
                $"Der kan kun oprettes et netværk for en godkendt idé; idéen har status »{idea.Status.DanishName()}«.");
        }

        var contract = new NetworkContract
        {
            Theme = idea.Title,
            Type = idea.SuggestedType,
            DecidingForum = idea.Decision?.DecidedBy ?? idea.DecidingForum,
        };
        return CreateDraft(id, contract, createdAt, idea.Id);
    }

    /// <summary>
    /// Replaces the contract. Anything goes in Draft. While the network runs (or is paused) the contract may still
    /// change (e.g. new participants) but must stay complete and keep its type, which the timeline depends on.
    /// From the evaluation on, the contract is what the network is evaluated against and is locked.
    /// </summary>
    public void UpdateContract(NetworkContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        switch (Status)
        {
            case NetworkStatus.Draft:
                break;
            case NetworkStatus.Running or NetworkStatus.Paused:
                if (contract.Type != Contract.Type)
                {
                    throw new DomainException("type-locked", "Netværkstypen kan ikke ændres, efter netværket er startet.");
                }

                EnsureComplete(contract, "Netværkskontrakten kan ikke gemmes ufuldstændig, mens netværket er i gang.");
                break;
            default:
                throw new DomainException("contract-locked",
                    $"Netværkskontrakten kan ikke ændres, når netværket har status »{Status.DanishName()}«.");
        }

        Contract = contract;
    }

    /// <summary>
    /// An external participant withdraws consent to be contacted (the unsubscribe link). This is the person's right,
    /// not a change of the network's substance, so it applies in every state, the locked contract included.
    /// Returns false if the participant is unknown or had no consent to withdraw.
    /// </summary>
    public bool WithdrawConsent(Guid participantId)
    {
        var participant = Contract.Participants.FirstOrDefault(p => p.Id == participantId);
        if (participant?.Consent is null) return false;
        Contract = Contract with { Participants = [.. Contract.Participants.Select(p => p.Id == participantId ? p.WithoutConsent() : p)] };
        return true;
    }

    /// <summary>Starts the network (Draft → Running); the contract must be complete.</summary>
    public void Start(DateTimeOffset at)
    {
        // Paused → Running is legal too, but that is Resume, not Start.
        if (Status != NetworkStatus.Draft)
        {
            throw IllegalTransition(Status, NetworkStatus.Running);
        }

        EnsureComplete(Contract, "Netværket kan ikke startes, før netværkskontrakten er udfyldt.");
        Move(NetworkStatus.Running, at, null);
    }

    /// <summary>Puts a running network on hold (Running → Paused).</summary>
    public void Pause(string? reason, DateTimeOffset at)
    {
        EnsureCanMove(NetworkStatus.Paused);
        Move(NetworkStatus.Paused, at, Blank(reason));
    }

    /// <summary>Resumes a paused network (Paused → Running).</summary>
    public void Resume(DateTimeOffset at)
    {
        if (Status != NetworkStatus.Paused)
        {
            throw IllegalTransition(Status, NetworkStatus.Running);
        }

        Move(NetworkStatus.Running, at, null);
    }

    /// <summary>The planned activities are over; the end evaluation begins (Running → Evaluating).</summary>
    public void BeginEvaluation(DateTimeOffset at)
    {
        if (Status == NetworkStatus.Paused)
        {
            throw new DomainException("illegal-transition",
                "Netværket kan ikke gå fra »Sat på pause« til »Evaluering« som planlagt. Genoptag det, eller afslut det før tid med en begrundelse.");
        }

        Move(NetworkStatus.Evaluating, at, null);
    }

    /// <summary>
    /// Ends a running or paused network before its planned end. It goes to Evaluating, not Closed: evaluation
    /// looks at outcome, not only output, so an early-closed network still gets its end evaluation (now scheduled
    /// at once) and the later outcome follow-up. The reason is required and kept in the history.
    /// </summary>
    public void CloseEarly(string reason, DateTimeOffset at)
    {
        EnsureCanMove(NetworkStatus.Evaluating);
        var text = Blank(reason) ?? throw new DomainException("reason-required", "Skriv, hvorfor netværket afsluttes før tid.");
        Move(NetworkStatus.Evaluating, at, text);
        EndedEarly = true;
    }

    /// <summary>The end evaluation is done; waiting for the outcome follow-up (Evaluating → FollowUp).</summary>
    public void BeginFollowUp(DateTimeOffset at) => Move(NetworkStatus.FollowUp, at, null);

    /// <summary>The follow-up is done; the network is closed (FollowUp → Closed).</summary>
    public void Close(DateTimeOffset at) => Move(NetworkStatus.Closed, at, null);

    private void Move(NetworkStatus to, DateTimeOffset at, string? reason)
    {
        EnsureCanMove(to);
        var last = _history.Count == 0 ? CreatedAt : _history[^1].At;
        if (at < last)
        {
            throw new DomainException("time-out-of-order",
                $"Tidspunktet {at.ToString("d. MMMM yyyy HH:mm", Danish)} ligger før netværkets seneste hændelse "
                    + $"{last.ToString("d. MMMM yyyy HH:mm", Danish)}.");
        }

        _history.Add(new NetworkTransition(Status, to, at, reason));
        Status = to;
    }

    private void EnsureCanMove(NetworkStatus to)
    {
        if (!NetworkStatuses.CanMove(Status, to))
        {
            throw IllegalTransition(Status, to);
        }
    }

    private static DomainException IllegalTransition(NetworkStatus from, NetworkStatus to) =>
        new("illegal-transition", $"Netværket kan ikke gå fra »{from.DanishName()}« til »{to.DanishName()}«.");

    private static void EnsureComplete(NetworkContract contract, string lead)
    {
        var check = contract.Check();
        if (!check.IsComplete)
        {
            throw new DomainException("contract-incomplete", $"{lead} {check.DanishSummary}");
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
