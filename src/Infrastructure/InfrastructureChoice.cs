using Microsoft.Extensions.Configuration;

namespace Netvaerk.Infrastructure;

public enum StoreKind { Sqlite, Cosmos }

public enum OutboxKind { Local, StorageQueue }

public enum MailKind { Mailbox, SendGrid }

/// <summary>
/// Which adapters run, from <c>Netvaerk:Store</c>, <c>Netvaerk:Outbox</c> and <c>Netvaerk:Mail</c>. Read when the
/// services are registered, since the choice decides what is registered; a wrong value stops the host with a message
/// that names the setting and the allowed values.
/// </summary>
public sealed record InfrastructureChoice(StoreKind Store, OutboxKind Outbox, MailKind Mail)
{
    public const string SectionName = "Netvaerk";

    public static InfrastructureChoice Embedded { get; } = new(StoreKind.Sqlite, OutboxKind.Local, MailKind.Mailbox);

    public static InfrastructureChoice From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        return new InfrastructureChoice(
            Parse(section, "Store", StoreKind.Sqlite),
            Parse(section, "Outbox", OutboxKind.Local),
            Parse(section, "Mail", MailKind.Mailbox));
    }

    private static T Parse<T>(IConfigurationSection section, string key, T fallback) where T : struct, Enum
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        // By name only: Enum.TryParse would also take "1".
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse<T>(name)
            : throw new InvalidOperationException(
                $"{SectionName}:{key} is '{text}'; it must be one of {string.Join(", ", Enum.GetNames<T>())} (default {fallback}).");
    }
}
