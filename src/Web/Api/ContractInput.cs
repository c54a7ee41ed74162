using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Participants;
using Netvaerk.Domain.Workflow;

namespace Netvaerk.Web.Api;

/// <summary>
/// Reads a contract change — the API's JSON and the contract page's form alike — into its validation errors (keyed by
/// the API's field names), the change itself (parts left out keep their value) and the leader it names.
/// </summary>
internal static class ContractInput
{
    public static async Task<(RequestValidation Validation, Func<NetworkContract, NetworkContract> Change, Person? Leader)> ReadAsync(
        ContractRequest request, AccessWorkflow access, CancellationToken ct)
    {
        var v = new RequestValidation();
        var type = v.Enum<NetworkType>("type", request.Type, "Netværkstypen", required: false);
        var forum = v.Enum<Forum>("decidingForum", request.DecidingForum, "Det besluttende forum", required: false);
        Person? leader = null;
        if (request.Leader is { } l)
        {
            var name = v.Text("leader.name", l.Name, "Netværkslederens navn");
            var email = v.Email("leader.email", l.Email, "Netværkslederens e-mail");
            // Naming a leader must not grant a stranger access: only the secretariat adds users from outside.
            if (v.IsValid && await access.ActiveUserForAsync(email, ct) is null)
            {
                v.Add("leader.email", $"»{email}« kan ikke være netværksleder: adressen skal tilhøre en bruger af Netværksstedet "
                    + "eller en medarbejder i kommunen. Bed netværkssekretariatet oprette brugeren først.");
            }

            if (v.IsValid) leader = new Person(name, email);
        }

        TimeFrame? frame = null;
        if (request.TimeFrame is { } f)
        {
            var start = v.Date("timeFrame.start", f.Start, "Startdatoen");
            var end = v.Date("timeFrame.end", f.End, "Slutdatoen");
            if (start is { } s && end is { } e)
            {
                if (e < s) v.Add("timeFrame.end", "Slutdatoen skal ligge efter startdatoen.");
                else frame = new TimeFrame(s, e);
            }
        }

        var texts = new[]
        {
            v.OptionalText("theme", request.Theme, "Temaet", 200), v.OptionalText("purpose", request.Purpose, "Formålet"),
            v.OptionalText("mandate", request.Mandate, "Mandatet"), v.OptionalText("expectedOutput", request.ExpectedOutput, "Forventet output"),
            v.OptionalText("expectedOutcome", request.ExpectedOutcome, "Forventet outcome"),
            v.OptionalText("involvementPlan", request.InvolvementPlan, "Planen for inddragelse"),
            v.OptionalText("evaluationPlan", request.EvaluationPlan, "Evalueringsplanen"),
        };

        NetworkContract Change(NetworkContract c) => c with
        {
            Theme = texts[0] ?? c.Theme,
            Purpose = texts[1] ?? c.Purpose,
            Type = type ?? c.Type,
            Mandate = texts[2] ?? c.Mandate,
            ExpectedOutput = texts[3] ?? c.ExpectedOutput,
            ExpectedOutcome = texts[4] ?? c.ExpectedOutcome,
            Leader = leader ?? c.Leader,
            DecidingForum = forum ?? c.DecidingForum,
            TimeFrame = frame ?? c.TimeFrame,
            InvolvementPlan = texts[5] ?? c.InvolvementPlan,
            EvaluationPlan = texts[6] ?? c.EvaluationPlan,
        };

        return (v, Change, leader);
    }
}
