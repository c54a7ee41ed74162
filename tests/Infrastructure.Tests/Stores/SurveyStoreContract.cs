using Netvaerk.Domain.Ports;
using static Netvaerk.Infrastructure.Tests.Stores.Samples;

namespace Netvaerk.Infrastructure.Tests.Stores;

/// <summary>What every <see cref="ISurveyStore"/> adapter must do. Subclass it with a factory for the adapter.</summary>
public abstract class SurveyStoreContract
{
    private static readonly DateTimeOffset Sent = At(2027, 3, 29, 8);

    /// <summary>A store over storage of its own for this test (or at least one no other test writes the same tenants in).</summary>
    protected abstract Task<ISurveyStore> CreateStoreAsync();

    [Fact]
    public async Task An_added_survey_is_found_exactly_as_given()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);

        Assert.True(await store.AddSurveyAsync(tenant, survey));

        var found = await store.FindSurveyAsync(tenant, survey.Id);
        Assert.Equal(survey, found);
        Assert.Equal(Sent.Offset, found!.SentAt.Offset);
        Assert.Null(await store.FindSurveyAsync(tenant, "net-1/unknown"));
    }

    [Fact]
    public async Task A_survey_keeps_the_question_set_version_it_was_sent_with()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent) with { QuestionSetVersion = 3 };

        await store.AddSurveyAsync(tenant, survey);

        Assert.Equal(3, (await store.FindSurveyAsync(tenant, survey.Id))!.QuestionSetVersion);
        Assert.Equal(3, Assert.Single(await store.ListSurveysAsync(tenant, "net-1")).QuestionSetVersion);
    }

    [Fact]
    public async Task Question_set_versions_are_stored_once_as_given_and_only_in_their_tenant()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var v1 = Domain.Surveys.QuestionSet.Default(Domain.Networks.NetworkType.Innovation, Domain.Timelines.SurveyKind.End);
        var v2 = v1.Revise([.. v1.Questions.Take(3), new Domain.Surveys.SurveyQuestion("custom.1", "Hvilke forløb?", Domain.Surveys.AnswerType.SingleChoice, false)
        {
            Options = [new("kort", "Korte forløb"), new("lange", "Lange forløb")],
        }], Sent, "sekretariat@albertslund.dk");

        Assert.True(await store.AddQuestionSetAsync(tenant, v1));
        Assert.True(await store.AddQuestionSetAsync(tenant, v2));
        Assert.False(await store.AddQuestionSetAsync(tenant, v2 with { CreatedBy = "en anden" }));

        var stored = (await store.ListQuestionSetsAsync(tenant)).OrderBy(s => s.Version).ToArray();
        Assert.Equal([1, 2], stored.Select(s => s.Version));
        Assert.Equal("sekretariat@albertslund.dk", stored[1].CreatedBy);
        Assert.Equal(Sent, stored[1].CreatedAt);
        Assert.Equal(v2.Questions, stored[1].Questions, (a, b) => a with { Options = [] } == b with { Options = [] } && a.Options.SequenceEqual(b.Options));
        Assert.Equal(v1.Questions.Select(q => q.ScaleLabels.Count), stored[0].Questions.Select(q => q.ScaleLabels.Count));
        Assert.Empty(await store.ListQuestionSetsAsync(NewTenant()));
    }

    [Fact]
    public async Task Adding_a_survey_twice_stores_it_once_and_keeps_the_first()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);

        Assert.True(await store.AddSurveyAsync(tenant, survey));
        Assert.False(await store.AddSurveyAsync(tenant, survey with { SentAt = Sent.AddDays(1) }));

        Assert.Equal(survey, await store.FindSurveyAsync(tenant, survey.Id));
        Assert.Single(await store.ListSurveysAsync(tenant, "net-1"));
    }

    [Fact]
    public async Task Surveys_are_listed_per_network_in_the_order_they_were_sent()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var end = Survey("net-1", "end-evaluation", Sent);
        var baseline = Survey("net-1", "baseline-survey", Sent.AddMonths(-6));
        await store.AddSurveyAsync(tenant, end);
        await store.AddSurveyAsync(tenant, Survey("net-2", "end-evaluation", Sent));
        await store.AddSurveyAsync(tenant, baseline);

        Assert.Equal([baseline, end], await store.ListSurveysAsync(tenant, "net-1"));
        Assert.Empty(await store.ListSurveysAsync(tenant, "net-3"));
    }

    [Fact]
    public async Task Surveys_invitations_and_responses_in_one_tenant_are_invisible_in_another()
    {
        var store = await CreateStoreAsync();
        var tenantA = NewTenant();
        var tenantB = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);
        var token = TokenHash();
        await store.AddSurveyAsync(tenantA, survey);
        await store.AddInvitationsAsync(tenantA, [Invitation(survey, "birthe@example.dk", token)]);
        await store.SubmitAsync(tenantA, token, Response(survey, Sent.AddDays(1)));

        Assert.Null(await store.FindSurveyAsync(tenantB, survey.Id));
        Assert.Empty(await store.ListSurveysAsync(tenantB, "net-1"));
        Assert.Null(await store.FindInvitationAsync(tenantB, token));
        Assert.Empty(await store.ListInvitationsAsync(tenantB, survey.Id));
        Assert.Empty(await store.ListResponsesAsync(tenantB, survey.Id));
        Assert.True(await store.AddSurveyAsync(tenantB, survey));
    }

    /// <summary>A network's end evaluation and its follow-up three months later, both stored in the tenant.</summary>
    private static async Task<(Survey Survey, Survey Other)> TwoSurveysAsync(ISurveyStore store, string tenant)
    {
        var survey = Survey("net-1", "end-evaluation", Sent);
        var other = Survey("net-1", "follow-up-survey", Sent.AddMonths(3));
        await store.AddSurveyAsync(tenant, survey);
        await store.AddSurveyAsync(tenant, other);
        return (survey, other);
    }

    [Fact]
    public async Task An_invitation_is_found_by_its_token_hash_and_listed_per_survey()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var (survey, other) = await TwoSurveysAsync(store, tenant);
        var birthe = Invitation(survey, "birthe@example.dk", TokenHash());
        var ole = Invitation(survey, "ole@example.dk", TokenHash()) with { RecipientName = "Ole Madsen" };
        await store.AddInvitationsAsync(tenant, [birthe]);
        await store.AddInvitationsAsync(tenant, [ole]);
        await store.AddInvitationsAsync(tenant, [Invitation(other, "birthe@example.dk", TokenHash())]);

        Assert.Equal(birthe, await store.FindInvitationAsync(tenant, birthe.TokenHash));
        Assert.Null(await store.FindInvitationAsync(tenant, TokenHash()));
        Assert.Equal([birthe, ole], (await store.ListInvitationsAsync(tenant, survey.Id)).OrderBy(i => i.RecipientEmail));
    }

    [Fact]
    public async Task A_recipient_may_hold_several_links_and_each_one_opens_the_survey()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);
        await store.AddSurveyAsync(tenant, survey);
        var invitation = Invitation(survey, "birthe@example.dk", TokenHash());
        await store.AddInvitationsAsync(tenant, [invitation]);

        // A reminder carries a new link (the first exists only in the first e-mail); the address may be cased differently.
        var reminder = invitation with { RecipientEmail = "Birthe@Example.dk", TokenHash = TokenHash() };
        await store.AddInvitationsAsync(tenant, [reminder]);
        await store.AddInvitationsAsync(tenant, [reminder]); // adding the same token again changes nothing

        Assert.NotNull(await store.FindInvitationAsync(tenant, invitation.TokenHash));
        Assert.NotNull(await store.FindInvitationAsync(tenant, reminder.TokenHash));
        Assert.Equal(2, (await store.ListInvitationsAsync(tenant, survey.Id)).Count);
    }

    [Fact]
    public async Task People_are_counted_once_whatever_links_they_hold_and_answered_when_any_link_was()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var (survey, other) = await TwoSurveysAsync(store, tenant);
        Assert.Equal(new PeopleCount(0, 0), await store.CountPeopleAsync(tenant, survey.Id));

        var birthe = Invitation(survey, "birthe@example.dk", TokenHash());
        var ole = Invitation(survey, "ole@example.dk", TokenHash());
        var kim = Invitation(survey, "kim@example.dk", TokenHash());
        await store.AddInvitationsAsync(tenant, [birthe, ole, kim]);
        // Reminders carry new links, the address cased differently; another survey's invitation counts there only.
        var oleReminder = ole with { TokenHash = TokenHash() };
        await store.AddInvitationsAsync(tenant, [birthe with { RecipientEmail = "Birthe@Example.dk", TokenHash = TokenHash() },
            oleReminder, Invitation(other, "birthe@example.dk", TokenHash())]);
        Assert.Equal(new PeopleCount(3, 0), await store.CountPeopleAsync(tenant, survey.Id));

        // Birthe answers with her first link, Ole with his reminder's: each counts once.
        Assert.True(await store.SubmitAsync(tenant, birthe.TokenHash, Response(survey, Sent.AddDays(1))));
        Assert.True(await store.SubmitAsync(tenant, oleReminder.TokenHash, Response(survey, Sent.AddDays(2))));

        Assert.Equal(new PeopleCount(3, 2), await store.CountPeopleAsync(tenant, survey.Id));
        Assert.Equal(new PeopleCount(1, 0), await store.CountPeopleAsync(tenant, other.Id));
        Assert.Equal(new PeopleCount(0, 0), await store.CountPeopleAsync(NewTenant(), survey.Id));
    }

    [Fact]
    public async Task Several_invitations_are_stored_at_once_and_a_repeated_token_once()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);
        await store.AddSurveyAsync(tenant, survey);
        var birthe = Invitation(survey, "birthe@example.dk", TokenHash());
        var ole = Invitation(survey, "ole@example.dk", TokenHash());

        await store.AddInvitationsAsync(tenant, [birthe, ole, birthe]);
        await store.AddInvitationsAsync(tenant, []);

        Assert.Equal([birthe, ole], (await store.ListInvitationsAsync(tenant, survey.Id)).OrderBy(i => i.RecipientEmail));
    }

    [Fact]
    public async Task A_recipient_answers_once_whichever_of_their_links_they_use()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);
        await store.AddSurveyAsync(tenant, survey);
        var invitation = Invitation(survey, "birthe@example.dk", TokenHash());
        var reminder = invitation with { TokenHash = TokenHash() };
        await store.AddInvitationsAsync(tenant, [invitation]);
        await store.AddInvitationsAsync(tenant, [reminder]);

        Assert.True(await store.SubmitAsync(tenant, reminder.TokenHash, Response(survey, Sent.AddDays(1))));
        Assert.False(await store.SubmitAsync(tenant, invitation.TokenHash, Response(survey, Sent.AddDays(2))));

        // A link issued after the answer is born answered.
        var late = invitation with { TokenHash = TokenHash() };
        await store.AddInvitationsAsync(tenant, [late]);
        Assert.False(await store.SubmitAsync(tenant, late.TokenHash, Response(survey, Sent.AddDays(3))));

        Assert.Single(await store.ListResponsesAsync(tenant, survey.Id));
        Assert.All(await store.ListInvitationsAsync(tenant, survey.Id), i => Assert.Equal(Sent.AddDays(1), i.AnsweredAt));
    }

    [Fact]
    public async Task A_token_answers_once_the_second_submit_is_refused_and_stores_nothing()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);
        await store.AddSurveyAsync(tenant, survey);
        var invitation = Invitation(survey, "birthe@example.dk", TokenHash());
        await store.AddInvitationsAsync(tenant, [invitation]);
        var answeredAt = Sent.AddDays(2);

        Assert.True(await store.SubmitAsync(tenant, invitation.TokenHash, Response(survey, answeredAt, "5")));
        Assert.False(await store.SubmitAsync(tenant, invitation.TokenHash, Response(survey, answeredAt.AddHours(1), "1")));

        var response = Assert.Single(await store.ListResponsesAsync(tenant, survey.Id));
        Assert.Equal(survey.Id, response.SurveyId);
        Assert.Equal(answeredAt, response.SubmittedAt);
        Assert.Equal(Response(survey, answeredAt, "5").Answers, response.Answers);
        Assert.Equal(answeredAt, (await store.FindInvitationAsync(tenant, invitation.TokenHash))!.AnsweredAt);
    }

    [Fact]
    public async Task Of_simultaneous_submits_with_one_token_exactly_one_is_stored()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);
        await store.AddSurveyAsync(tenant, survey);
        var invitation = Invitation(survey, "birthe@example.dk", TokenHash());
        await store.AddInvitationsAsync(tenant, [invitation]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.SubmitAsync(tenant, invitation.TokenHash, Response(survey, Sent.AddMinutes(i))))));

        Assert.Single(results, stored => stored);
        Assert.Single(await store.ListResponsesAsync(tenant, survey.Id));
    }

    [Fact]
    public async Task Submitting_an_unknown_token_is_refused()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var survey = Survey("net-1", "end-evaluation", Sent);
        await store.AddSurveyAsync(tenant, survey);

        Assert.False(await store.SubmitAsync(tenant, TokenHash(), Response(survey, Sent)));
        Assert.Empty(await store.ListResponsesAsync(tenant, survey.Id));
    }

    [Fact]
    public async Task Responses_are_kept_per_survey_with_every_answer()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var end = Survey("net-1", "end-evaluation", Sent);
        var followUp = Survey("net-1", "follow-up-survey", Sent.AddMonths(3));
        await store.AddSurveyAsync(tenant, end);
        await store.AddSurveyAsync(tenant, followUp);
        var a = Invitation(end, "a@example.dk", TokenHash());
        var b = Invitation(end, "b@example.dk", TokenHash());
        var c = Invitation(followUp, "a@example.dk", TokenHash());
        foreach (var invitation in new[] { a, b, c })
        {
            await store.AddInvitationsAsync(tenant, [invitation]);
        }

        await store.SubmitAsync(tenant, b.TokenHash, Response(end, Sent.AddDays(2), "2"));
        await store.SubmitAsync(tenant, a.TokenHash, Response(end, Sent.AddDays(1), "4"));
        await store.SubmitAsync(tenant, c.TokenHash, Response(followUp, Sent.AddMonths(3).AddDays(1), "5"));

        var responses = await store.ListResponsesAsync(tenant, end.Id);
        Assert.Equal(["4", "2"], responses.Select(r => r.Answers["udbytte"]));
        Assert.All(responses, r => Assert.Equal("Godt møde – tak!", r.Answers["kommentar"]));
        Assert.Equal("5", Assert.Single(await store.ListResponsesAsync(tenant, followUp.Id)).Answers["udbytte"]);
    }
}
