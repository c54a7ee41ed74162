using Netvaerk.Domain.Common;

namespace Netvaerk.Domain.Participants;

/// <summary>A named person with a valid e-mail address, e.g. the submitter of an idea or a network leader.</summary>
public sealed record Person
{
    public Person(string name, string email)
    {
        Name = Names.Require(name);
        Email = EmailAddress.RequirePlausible(email);
    }

    public string Name { get; }

    public string Email { get; }
}

internal static class Names
{
    public static string Require(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new DomainException("name-required", "Navnet skal udfyldes.")
            : name.Trim();
}
