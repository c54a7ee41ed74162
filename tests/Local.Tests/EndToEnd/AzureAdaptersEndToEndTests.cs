using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Netvaerk.Testing;

namespace Netvaerk.Local.Tests.EndToEnd;

/// <summary>
/// The welfare scenario, unchanged, on the Azure adapters — <c>Netvaerk:Store=Cosmos</c>, <c>Outbox=StorageQueue</c>,
/// <c>Mail=SendGrid</c> — against npm cosmosdb-server, Azurite and the recording SendGrid endpoint, chosen by
/// configuration alone. It must send the same e-mails as the embedded host: same times, recipients and subjects (the
/// scenario's own list), and the same text, HTML and calendar content as the mailbox of an embedded run.
/// </summary>
[Collection(AzureServers.Name)]
public sealed class AzureAdaptersEndToEndTests(AzureServersFixture servers) : WelfareNetworkEndToEndTests
{
    private protected override TestHost CreateHost(DataFolder data, FakeTimeProvider clock) => new AzureTestHost(data, clock, servers);

    [Fact]
    public async Task The_Azure_adapters_send_the_same_e_mails_as_SQLite_and_the_mailbox()
    {
        using var embeddedData = new DataFolder();
        using (var embedded = new TestHost(embeddedData, new FakeTimeProvider(CopenhagenStart)))
        {
            await RunAsync(embedded);
        }

        using var azureData = new DataFolder();
        using var azure = new AzureTestHost(azureData, new FakeTimeProvider(CopenhagenStart), servers);
        await RunAsync(azure);

        static string Normal(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        static string Content(MimeMessage m)
        {
            var text = new StringBuilder()
                .Append(m.Date.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append('|')
                .Append(m.To.Mailboxes.Single().Address).Append('|').Append(m.Subject).Append('|')
                .Append(Normal(m.TextBody)).Append('|').Append(Normal(m.HtmlBody));
            foreach (var attachment in m.Attachments.OfType<TextPart>())
            {
                text.Append('|').Append(attachment.ContentType.MimeType).Append(';').Append(attachment.ContentType.Parameters["method"])
                    .Append('|').Append(Normal(attachment.Text));
            }

            return text.ToString();
        }

        // Sign-in links, survey links and ids (ideas, networks) are random in each run; everything else must be equal.
        static bool Comparable(MimeMessage m) => !(m.Subject ?? "").Contains("login-link", StringComparison.Ordinal);
        static string Tokenless(string text) => System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(text, "(svar|afmeld|log-ind)/[A-Za-z0-9_-]+", "$1/…"),
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|IDE-[0-9A-F]{8}", "<id>");
        Assert.Equal(
            embeddedData.Mails().Where(Comparable).Select(m => Tokenless(Content(m))).Order(StringComparer.Ordinal),
            azure.Mails().Where(Comparable).Select(m => Tokenless(Content(m))).Order(StringComparer.Ordinal));
        Assert.Empty(azureData.Mails()); // nothing went to a mailbox folder
    }

    private static readonly DateTimeOffset CopenhagenStart = Domain.Calendar.CopenhagenTime.At(new DateOnly(2027, 2, 1), new TimeOnly(8, 0));

    /// <summary>The embedded host configured for the Azure adapters; the e-mails are what SendGrid accepted.</summary>
    private sealed class AzureTestHost(DataFolder data, FakeTimeProvider clock, AzureServersFixture servers) : TestHost(data, clock)
    {
        private readonly string _queue = $"outbox-{Guid.NewGuid():N}";
        private readonly int _skip = servers.SendGrid.Accepted.Count;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            servers.SendGrid.Clock = Clock.GetUtcNow;
            var cosmos = servers.Cosmos.Options();
            builder.UseSetting("Netvaerk:Store", "Cosmos");
            builder.UseSetting("Netvaerk:Outbox", "StorageQueue");
            builder.UseSetting("Netvaerk:Mail", "SendGrid");
            builder.UseSetting("Cosmos:Endpoint", cosmos.Endpoint!.ToString());
            builder.UseSetting("Cosmos:Key", cosmos.Key);
            builder.UseSetting("Cosmos:Database", cosmos.Database);
            builder.UseSetting("Cosmos:CreateIfMissing", "true");
            builder.UseSetting("Cosmos:TrustedCertificatePath", CosmosServer.CertificatePath);
            builder.UseSetting("OutboxQueue:ConnectionString", servers.Azurite.ConnectionString);
            builder.UseSetting("OutboxQueue:QueueName", _queue);
            builder.UseSetting("OutboxQueue:CreateIfMissing", "true");
            builder.UseSetting("SendGrid:ApiKey", "SG.end-to-end");
            builder.UseSetting("SendGrid:Endpoint", servers.SendGrid.Endpoint.ToString());
        }

        /// <summary>What SendGrid accepted from this host, as the messages a mail program would show.</summary>
        public override List<MimeMessage> Mails() => servers.SendGrid.Accepted.Skip(_skip).Select(ToMime)
            .OrderBy(m => m.Date).ThenBy(m => m.Headers[KeyHeader], StringComparer.Ordinal).ToList();

        private static MimeMessage ToMime(RecordedMail mail)
        {
            var body = new BodyBuilder { TextBody = mail.Content("text/plain"), HtmlBody = mail.Content("text/html") };
            foreach (var (fileName, type, content) in mail.Attachments)
            {
                body.Attachments.Add(fileName, Encoding.UTF8.GetBytes(content), ContentType.Parse(type));
            }

            var message = new MimeMessage { Subject = mail.Subject, Date = mail.At, Body = body.ToMessageBody() };
            message.To.Add(MailboxAddress.Parse(mail.To));
            message.Headers.Add(KeyHeader, mail.Key);
            return message;
        }
    }
}

/// <summary>Cosmos (behind its proxy), Azurite and a recording SendGrid endpoint, shared by the Azure end-to-end tests.</summary>
public sealed class AzureServersFixture : IAsyncLifetime
{
    public CosmosServer Cosmos { get; private set; } = null!;

    public AzuriteServer Azurite { get; private set; } = null!;

    public RecordingSendGrid SendGrid { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var cosmos = CosmosServer.StartAsync();
        var azurite = AzuriteServer.StartAsync();
        var sendGrid = RecordingSendGrid.StartAsync();
        Cosmos = await cosmos;
        Azurite = await azurite;
        SendGrid = await sendGrid;
    }

    public async Task DisposeAsync()
    {
        // Null-safe: a server that failed to start must not hide that failure behind a cleanup one.
        if (Cosmos is not null) await Cosmos.DisposeAsync();
        Azurite?.Dispose();
        if (SendGrid is not null) await SendGrid.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzureServers : ICollectionFixture<AzureServersFixture>
{
    public const string Name = "azure-servers";
}
