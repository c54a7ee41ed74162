using Netvaerk.Domain.Common;

namespace Netvaerk.Domain.Participants;

/// <summary>An external participant's recorded consent to be contacted by the network.</summary>
public sealed record Consent
{
    /// <param name="givenAt">When the consent was given.</param>
    /// <param name="source">How it was given, in Danish, e.g. "Tilmeldingsformular" or "Mundtligt på workshop, noteret af netværkslederen".</param>
    public Consent(DateTimeOffset givenAt, string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            throw new DomainException("consent-source-required", "Det skal fremgå, hvordan samtykket er givet.");
        }

        GivenAt = givenAt;
        Source = source.Trim();
    }

    public DateTimeOffset GivenAt { get; }

    public string Source { get; }
}
