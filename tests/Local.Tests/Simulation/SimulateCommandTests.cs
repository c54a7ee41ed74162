using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Netvaerk.Domain.Calendar;
using Netvaerk.Local.Simulation;

namespace Netvaerk.Local.Tests.Simulation;

public class SimulateCommandTests
{
    private static readonly string[] AllowedKinds =
    [
        "meeting", "startup-workshop-invitation", "meeting-reminder", "citizen-involvement-nudge",
        "stakeholder-involvement-nudge", "expert-involvement-nudge", "baseline-survey", "evaluation-survey",
        "survey-reminder", "follow-up-survey", "political-status",
    ];

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = SimulateCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement[] Json(string type, string start)
    {
        var (code, output, error) = Run("--type", type, "--start", start, "--json");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
    }

    [Theory]
    [InlineData("welfare")]
    [InlineData("learning")]
    [InlineData("innovation")]
    public void Json_output_is_one_array_in_time_order_with_the_required_fields(string type)
    {
        var events = Json(type, "2027-03-01");

        Assert.NotEmpty(events);
        var times = events.Select(e => DateTimeOffset.Parse(e.GetProperty("at").GetString()!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
        foreach (var e in events)
        {
            var kind = e.GetProperty("kind").GetString()!;
            Assert.Contains(kind, AllowedKinds);
            Assert.False(string.IsNullOrEmpty(e.GetProperty("stepId").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("to").GetString()));
            var subject = e.GetProperty("subject").GetString()!;
            Assert.Equal(kind == "meeting", subject.Length == 0);
            if (kind == "meeting") Assert.Contains(e.GetProperty("meetingKind").GetString(), new[] { "startup-workshop", "network-meeting", "closing-meeting" });
            if (kind == "evaluation-survey") Assert.Contains(e.GetProperty("evaluation").GetString(), new[] { "mid-term", "end" });
        }
    }

    [Fact]
    public void Times_carry_the_Copenhagen_offset_of_their_date()
    {
        var events = Json("welfare", "2027-03-01");
        Assert.Equal("2027-02-22T08:00:00+01:00", events[0].GetProperty("at").GetString());
        var closing = events.Single(e => e.GetProperty("kind").GetString() == "meeting" && e.GetProperty("meetingKind").GetString() == "closing-meeting");
        Assert.Equal("2027-03-30T09:00:00+02:00", closing.GetProperty("at").GetString()); // after the DST change, and after Easter
    }

    [Fact]
    public void Welfare_run_has_four_weekly_meetings_the_citizen_flag_and_the_end_evaluation_with_reminders_and_follow_up()
    {
        var events = Json("welfare", "2027-03-01");
        string[] Ids(string kind) => events.Where(e => e.GetProperty("kind").GetString() == kind).Select(e => e.GetProperty("stepId").GetString()!).ToArray();

        Assert.Equal(["startup-workshop", "meeting-1", "meeting-2", "meeting-3", "meeting-4"], Ids("meeting"));
        Assert.Equal(5, Ids("citizen-involvement-nudge").Length); // days 0, 7, 14, 21 and the flag to the secretariat
        Assert.Single(events, e => e.GetProperty("to").GetString() == "secretariat");
        Assert.Equal(["end-evaluation"], Ids("evaluation-survey"));
        Assert.Equal(["baseline-survey"], Ids("baseline-survey")); // relational coordination, before
        Assert.Equal(6, Ids("survey-reminder").Length);
        Assert.Equal(["follow-up-survey"], Ids("follow-up-survey"));
    }

    [Fact]
    public void Innovation_run_has_quarterly_political_status_and_a_mid_term_evaluation()
    {
        var events = Json("innovation", "2027-01-11");
        Assert.Equal(4, events.Count(e => e.GetProperty("kind").GetString() == "political-status"));
        Assert.Equal(12, events.Count(e => e.GetProperty("kind").GetString() == "stakeholder-involvement-nudge"));
        Assert.Equal(["mid-term", "end"], events.Where(e => e.GetProperty("kind").GetString() == "evaluation-survey")
            .Select(e => e.GetProperty("evaluation").GetString()));
    }

    [Fact]
    public void Danish_letters_are_written_as_they_are()
    {
        var (_, output, _) = Run("--type", "welfare", "--start", "2027-03-01", "--json");
        Assert.Contains("Velfærdsnetværket »Frivillighed i Albertslund«", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_send_falls_on_a_working_day()
    {
        foreach (var type in new[] { "welfare", "learning", "innovation" })
        {
            foreach (var e in Json(type, "2027-12-01"))
            {
                var at = DateTimeOffset.Parse(e.GetProperty("at").GetString()!, CultureInfo.InvariantCulture);
                Assert.True(DanishCalendar.Default.IsWorkingDay(DateOnly.FromDateTime(at.DateTime)), $"{type} {e}");
            }
        }
    }

    [Fact]
    public void Table_output_is_Danish()
    {
        var (code, output, _) = Run("--type", "learning", "--start", "2027-08-16");
        Assert.Equal(0, code);
        Assert.Contains("Læringsnetværk »Frivillighed i Albertslund«", output, StringComparison.Ordinal);
        Assert.Contains("Tidspunkt", output, StringComparison.Ordinal);
        Assert.Contains("Førmåling (baseline)", output, StringComparison.Ordinal);
        Assert.Contains("Påmindelse: inviter eksperter", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "--type mangler")]
    [InlineData(new[] { "--type", "welfare" }, "--start mangler")]
    [InlineData(new[] { "--type", "sports", "--start", "2027-03-01" }, "Ukendt netværkstype »sports«")]
    [InlineData(new[] { "--type", "welfare", "--start", "01-03-2027" }, "Ugyldig startdato »01-03-2027«")]
    [InlineData(new[] { "--type", "welfare", "--start", "2027-03-01", "--verbose" }, "Ukendt argument »--verbose«")]
    [InlineData(new[] { "--type" }, "--type mangler en værdi")]
    public void Bad_arguments_give_a_Danish_usage_message_and_exit_code_2(string[] args, string message)
    {
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("Brug:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_process_prints_only_json_on_stdout()
    {
        var dll = typeof(SimulateCommand).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [dll, "simulate", "--type", "welfare", "--start", "2027-03-01", "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(output).RootElement.ValueKind);
    }

    [Fact]
    public void The_real_process_exits_2_on_bad_arguments()
    {
        var dll = typeof(SimulateCommand).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", [dll, "simulate", "--type", "welfare", "--start", "i-morgen"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Ugyldig startdato", error, StringComparison.Ordinal);
    }
}
