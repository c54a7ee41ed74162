using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Netvaerk.Local.Tests.EndToEnd;
using Netvaerk.Web.Tests.Pages;

namespace Netvaerk.Web.Tests.Browser;

/// <summary>
/// The pages in headless Chromium, as a newcomer uses them: sign in from the mailbox viewer, submit an idea and see the
/// receipt. axe-core checks every page on the way, error states included: no serious or critical violation.
/// </summary>
public sealed class BrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact(Timeout = 120_000)]
    public async Task A_newcomer_signs_in_from_the_mailbox_viewer_and_submits_an_idea()
    {
        using var data = new DataFolder();
        await using var host = new BrowserHost(data, new FakeTimeProvider(PageHost.Start));
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        var checkedPages = new List<string>();

        await page.GotoAsync("/");
        await AccessibleAsync(page, checkedPages);
        await ScreenshotAsync(page, "start");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Log ind" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Send link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-fejl")).ToContainTextAsync("E-mailadressen skal udfyldes.");
        await AccessibleAsync(page, checkedPages);
        await page.GetByLabel("E-mailadresse").FillAsync(PageHost.Employee);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send link" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tjek din e-mail")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);

        // The runner delivers the link; the mailbox viewer shows it, and its link signs in.
        await host.SettleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "postkassen" }).ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("login-link") }).ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("log-ind.[A-Za-z0-9_-]{20,}") }).ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Dit navn")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages); // the name page, on the first visit
        await page.GetByLabel("Dit navn").FillAsync("Mette Holm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem navn" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Velkommen, Mette Holm.")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);

        // The idea form: errors first, then the recommendation, then the receipt.
        await page.GetByRole(AriaRole.Link, new() { Name = "Indsend en idé" }).First.ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se anbefalingen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Der er problemer med formularen")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await ScreenshotAsync(page, "idea-form-errors");
        await page.GetByLabel("Tema").FillAsync("Ensomhed blandt ældre i Hedemarken");
        await page.GetByLabel("Problem eller udfordring").FillAsync("Mange ældre ser næsten ingen i løbet af en uge.");
        await page.GetByLabel("Ønsket resultat").FillAsync("Flere ældre deltager i fællesskaber.");
        await page.GetByLabel("Hvem skal deltage?").FillAsync("Hjemmeplejen, Ældre Sagen og borgere.");
        await page.Locator("#spaender-nej").CheckAsync();
        await page.Locator("#borgernaer-ja").CheckAsync();
        await page.Locator("#viden-nej").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Se anbefalingen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Vi anbefaler et velfærdsnetværk")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await ScreenshotAsync(page, "idea-recommendation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send idéen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Tak – vi har modtaget din idé")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ensomhed blandt ældre i Hedemarken");
        await AccessibleAsync(page, checkedPages);

        // The receipt e-mail, in the viewer.
        await host.SettleAsync();
        await page.GotoAsync("/postkasse");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Kvittering") })).ToBeVisibleAsync();

        Assert.Equal(12, checkedPages.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_secretariat_reads_the_portfolio_and_a_running_networks_page()
    {
        using var data = new DataFolder();
        await using var host = new BrowserHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        var (draftId, _) = await Scenarios.DraftAsync(host);
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        var checkedPages = new List<string>();

        await SignInAsync(page, host, TestHost.Secretariat);

        await page.GotoAsync("/portefolje");
        await AccessibleAsync(page, checkedPages);
        await page.Locator($"a[href='/netvaerk/{id}']").ClickAsync(); // the running one of two networks on the same theme
        await Assertions.Expect(page.Locator("#tidslinje")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await ScreenshotAsync(page, "network");
        await page.GetByRole(AriaRole.Button, new() { Name = "Luk netværket" }).ClickAsync();
        await Assertions.Expect(page.Locator("#luk-begrundelse-fejl")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        Assert.EndsWith($"/netvaerk/{id}/luk", checkedPages[^1], StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Brugere" }).ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem brugeren" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rolle-fejl")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);

        // A draft: its page with the participant and start forms, and the contract form with a refusal.
        await page.GotoAsync($"/netvaerk/{draftId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start netværket" })).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Link, new() { Name = "Udfyld eller ret kontrakten" }).ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByLabel("Netværkslederens navn").FillAsync("Ukendt Person");
        await page.GetByLabel("Netværkslederens e-mail").FillAsync("ukendt@example.dk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem kontrakten" }).ClickAsync();
        await Assertions.Expect(page.Locator("#leader-email-fejl")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        Assert.Equal(8, checkedPages.Count);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_participant_answers_a_survey_from_the_e_mail_link_on_a_phone()
    {
        using var data = new DataFolder();
        await using var host = new BrowserHost(data, new FakeTimeProvider(PageHost.Start));
        await Scenarios.RunningAsync(host, "2027-03-15");
        await host.AdvanceToAsync(Netvaerk.Domain.Calendar.CopenhagenTime.At(new DateOnly(2027, 4, 13), new TimeOnly(12, 0)));
        var mail = data.MailsTo("jonas.berg@albertslund.dk").Single(m => m.Title().StartsWith("Evaluering af", StringComparison.Ordinal));
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text(), @"https?://\S+/svar/[A-Za-z0-9_\-]+").Value;
        Assert.StartsWith(host.Address, link, StringComparison.Ordinal);

        await using var phone = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = "da-DK",
        });
        var page = await phone.NewPageAsync();
        var checkedPages = new List<string>();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByText("Spørgeskema for netværket »Frivillighed i Albertslund«")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await ScreenshotAsync(page, "survey-phone", phone: true);
        // Nothing wider than the phone: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Send svar" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Der er problemer med formularen")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);

        var fieldsets = page.Locator("form fieldset");
        for (var i = 0; i < await fieldsets.CountAsync(); i++) await fieldsets.Nth(i).Locator("input[type=radio]").Last.CheckAsync();
        var numbers = page.Locator("form input[type=number]");
        for (var i = 0; i < await numbers.CountAsync(); i++) await numbers.Nth(i).FillAsync(await numbers.Nth(i).GetAttributeAsync("min") ?? "0");
        var texts = page.Locator("form textarea");
        for (var i = 0; i < await texts.CountAsync(); i++) await texts.Nth(i).FillAsync("Et godt forløb.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send svar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tak for dine svar" })).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);

        // The used link and an unknown one say so plainly.
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Du har allerede svaret" })).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        var unknown = await page.GotoAsync(host.Address + "/svar/ukendt-link-ukendt-link-ukendt");
        Assert.Equal(404, unknown!.Status);
        await AccessibleAsync(page, checkedPages);
        Assert.Equal(5, checkedPages.Count);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_leader_moves_the_workshop_and_the_updated_invitation_arrives_in_the_mailbox()
    {
        using var data = new DataFolder();
        await using var host = new BrowserHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, _) = await Scenarios.RunningAsync(host, "2027-03-15");
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 9, 12, 0, 0, TimeSpan.Zero)); // the workshop invitation has gone out
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        var checkedPages = new List<string>();
        await SignInAsync(page, host, Scenarios.Leader);

        await page.GotoAsync($"/netvaerk/{id}");
        await Assertions.Expect(page.Locator("#tidslinje tr[aria-current=step]")).ToContainTextAsync("Næste");
        await page.GetByRole(AriaRole.Link, new() { Name = "Flyt eller aflys opstartsworkshoppen" }).ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByLabel("Dato").FillAsync("2027-03-20"); // a Saturday
        await page.GetByRole(AriaRole.Button, new() { Name = "Flyt mødet" }).ClickAsync();
        await Assertions.Expect(page.Locator("#dato-fejl")).ToContainTextAsync("ikke er en arbejdsdag");
        await AccessibleAsync(page, checkedPages);
        await page.GetByLabel("Dato").FillAsync("2027-03-17");
        await page.GetByLabel("Mødested").FillAsync("Kulturhuset");
        await page.GetByRole(AriaRole.Button, new() { Name = "Flyt mødet" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("17. marts 2027 kl. 09.00–11.00, Kulturhuset");

        // The participants had the workshop in their calendars: the update goes out at once, with the new invitation.
        await host.SettleAsync();
        await page.GotoAsync("/postkasse");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Ændring: ") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("17. marts 2027");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kulturhuset");
        await AccessibleAsync(page, checkedPages);
        var ics = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"\.ics") }).First;
        var calendar = await context.APIRequest.GetAsync(host.Address + await ics.GetAttributeAsync("href"));
        var text = await calendar.TextAsync();
        Assert.Contains("METHOD:REQUEST", text, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Copenhagen:20270317T090000", text, StringComparison.Ordinal);

        // The rest of the leader's page states: involvement refused, the evaluation page, a CSV import's report.
        await page.GotoAsync($"/netvaerk/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrér inddragelsen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#inddragelse-gruppe-fejl")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await page.Locator("#deltager-fil").SetInputFilesAsync(new FilePayload
        {
            Name = "deltagere.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("navn;e-mail;type;rolle;samtykke\nEva Lund;eva.lund@albertslund.dk;medarbejder;;\nX;x@;borger;;\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importér deltagerne" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-rapport")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("1 af 2 linjer er importeret.")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Link, new() { Name = "Se svarprocent og resultater af netværkets spørgeskemaer" }).ClickAsync();
        await AccessibleAsync(page, checkedPages);

        // The end evaluation's reminders, before it is sent: the form and a refusal.
        await page.GotoAsync($"/netvaerk/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ret påmindelser for slutevaluering" }).ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByLabel("Højst antal påmindelser").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem påmindelserne" }).ClickAsync();
        await Assertions.Expect(page.Locator("#antal-fejl")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);

        // On a phone the signed-in bar (name and sign-out) is still there.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.Locator(".portal-info-mobile").GetByRole(AriaRole.Link, new() { Name = "Log ud" })).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        Assert.Equal(9, checkedPages.Count);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_secretariat_reads_the_evaluation_report_the_closing_report_and_the_targets()
    {
        using var data = new DataFolder();
        await using var host = new BrowserHost(data, new FakeTimeProvider(PageHost.Start));
        var (id, secretariat) = await Scenarios.ReadyAsync(host);
        string[] colleagues = ["anne", "bent", "carla", "dorte"];
        var extra = colleagues.Select(n => new { name = n, email = $"{n}@albertslund.dk", kind = "employee", role = "core" }).ToArray();
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(secretariat, $"/api/networks/{id}/participants", new { participants = extra })).EnsureSuccessStatusCode();
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(secretariat, $"/api/networks/{id}/start", new { startDate = "2027-03-22" })).EnsureSuccessStatusCode();

        // Six answer the baseline at the start and the end evaluation after the closing meeting; four see a change.
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 16, 12, 0, 0, TimeSpan.Zero));
        string[] answering = ["mette.holm", "jonas.berg", .. colleagues];
        var baseline = Respondents.Links(data, "Selvevaluering:");
        foreach (var who in answering) await Respondents.AnswerAsync(host, baseline[who], coordination: 2, improvement: null);
        await host.AdvanceToAsync(new DateTimeOffset(2027, 4, 20, 12, 0, 0, TimeSpan.Zero));
        var end = Respondents.Links(data, "Evaluering af");
        for (var i = 0; i < answering.Length; i++) await Respondents.AnswerAsync(host, end[answering[i]], coordination: i < 4 ? 4 : 2, improvement: i < 4 ? 5 : 2);

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        var checkedPages = new List<string>();
        await SignInAsync(page, host, TestHost.Secretariat);

        await page.GotoAsync($"/netvaerk/{id}/evaluering");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("67 % af 6 svarpersoner oplever en forbedring. Målet er nået.");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("6 har svaret både før og efter.");
        Assert.True(await page.Locator("main svg[role=img]").CountAsync() > 5);
        await AccessibleAsync(page, checkedPages);
        await ScreenshotAsync(page, "evaluation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Kun slutevaluering" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Slutevaluering: Frivillighed i Albertslund" })).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Afslutningsrapport (til print)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forløbet" })).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Til evalueringen" })).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        await page.GotoAsync("/portefolje");
        await Assertions.Expect(page.Locator("#maal + p + table")).ToContainTextAsync("1 af 1 netværk har et resultat");
        await AccessibleAsync(page, checkedPages);

        // The question sets: the list, one set, and a refused edit.
        await page.GetByRole(AriaRole.Link, new() { Name = "Spørgeskemaer" }).First.ClickAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GotoAsync("/spoergeskemaer/welfare/end");
        await AccessibleAsync(page, checkedPages);
        await page.Locator("#q1-tekst").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem som version 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("#q1-tekst-fejl")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        Assert.Equal(7, checkedPages.Count);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_secretariat_and_a_forum_read_ideas_with_an_overdue_decision()
    {
        using var data = new DataFolder();
        await using var host = new BrowserHost(data, new FakeTimeProvider(PageHost.Start));
        var secretariatApi = await host.SignInAsync(TestHost.Secretariat);
        (await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(secretariatApi, "/api/users/charlotte.chef@albertslund.dk",
            new { name = "Charlotte Chef", roles = new[] { "forum-member" }, forum = "chefforum" })).EnsureSuccessStatusCode();
        var idea = await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(secretariatApi, "/api/ideas",
            new { title = "Bedre overgange fra skole til fritid", description = "Færre børn falder fra.", suggestedType = "welfare" })).ReadAsync();
        var ideaId = idea.GetProperty("idea").GetProperty("id").GetString()!;
        (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(secretariatApi, $"/api/ideas/{ideaId}/route", new { })).EnsureSuccessStatusCode();
        await host.AdvanceToAsync(new DateTimeOffset(2027, 3, 16, 9, 0, 0, TimeSpan.Zero));
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address, Locale = "da-DK" });
        var page = await context.NewPageAsync();
        var checkedPages = new List<string>();

        await SignInAsync(page, host, TestHost.Secretariat);
        await page.GotoAsync("/portefolje");
        await Assertions.Expect(page.GetByText("Fristen er overskredet")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Link, new() { Name = "Idéer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Beslutningen er forsinket")).ToBeVisibleAsync();
        await AccessibleAsync(page, checkedPages);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bedre overgange fra skole til fritid" }).ClickAsync();
        await AccessibleAsync(page, checkedPages);

        // The forum's view of the same idea, from a fresh browser: sign in, name, decide with an error first.
        await using var forumContext = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address, Locale = "da-DK" });
        var forum = await forumContext.NewPageAsync();
        await SignInAsync(forum, host, "charlotte.chef@albertslund.dk", checkedPages);
        await forum.GotoAsync($"/ideer/{ideaId}");
        await AccessibleAsync(forum, checkedPages);
        Assert.Equal(4, checkedPages.Count);
    }

    /// <summary>
    /// Signs in by link, straight from the mailbox viewer's newest sign-in mail (a minute later than any earlier sign-in
    /// mail, so "newest first" is unambiguous on the fake clock), naming the person on the first visit.
    /// </summary>
    private static async Task SignInAsync(IPage page, BrowserHost host, string email, List<string>? checkedPages = null)
    {
        host.Clock.Advance(TimeSpan.FromMinutes(1)); // so the newest sign-in mail is this one
        await page.GotoAsync("/log-ind");
        await page.GetByLabel("E-mailadresse").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send link" }).ClickAsync();
        await host.SettleAsync();
        await page.GotoAsync("/postkasse");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("login-link") }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("log-ind.[A-Za-z0-9_-]{20,}") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        if (await page.GetByLabel("Dit navn").IsVisibleAsync())
        {
            if (checkedPages is not null) await AccessibleAsync(page, checkedPages);
            await page.GetByLabel("Dit navn").FillAsync("Ny Bruger");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gem navn" }).ClickAsync();
        }

        await Assertions.Expect(page.GetByText($"Du er logget ind som {email}")).ToBeVisibleAsync();
    }

    /// <summary>README's screenshots (docs/screenshots), taken when NETVAERK_SCREENSHOTS names a folder.</summary>
    private static async Task ScreenshotAsync(IPage page, string name, bool phone = false)
    {
        if (Environment.GetEnvironmentVariable("NETVAERK_SCREENSHOTS") is not { Length: > 0 } folder) return;
        if (!phone) await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = false });
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation.</summary>
    private static async Task AccessibleAsync(IPage page, List<string> checkedPages)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}:\n{string.Join("\n", bad)}");
        checkedPages.Add(page.Url);
    }
}
