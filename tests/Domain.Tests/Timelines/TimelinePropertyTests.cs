using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Netvaerk.Domain.Calendar;
using Netvaerk.Domain.Common;
using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;

namespace Netvaerk.Domain.Tests.Timelines;

/// <summary>Timeline invariants over random types, start dates and sequences of host runs and leader changes.</summary>
public class TimelinePropertyTests
{
    public enum OpKind { Advance, Move, Cancel, PauseResume }

    public sealed record Op(OpKind Kind, int Days, int Hour, int MeetingIndex);

    public sealed record Scenario(NetworkType Type, DateOnly Start, Op[] Ops);

    private static readonly DanishCalendar Calendar = DanishCalendar.Default;

    private static Arbitrary<Scenario> Scenarios()
    {
        var op = from kind in Gen.Frequency((5, Gen.Constant(OpKind.Advance)), (4, Gen.Constant(OpKind.Move)),
                     (1, Gen.Constant(OpKind.Cancel)), (1, Gen.Constant(OpKind.PauseResume)))
                 from days in Gen.Choose(0, 40)
                 from hour in Gen.Choose(6, 18)
                 from meeting in Gen.Choose(0, 12)
                 select new Op(kind, days, hour, meeting);
        var scenario = from type in Gen.Elements(Enum.GetValues<NetworkType>())
                       from offset in Gen.Choose(0, 365 * 12)
                       from count in Gen.Choose(0, 30)
                       from ops in Gen.ArrayOf(op, count)
                       select new Scenario(type, new DateOnly(2024, 1, 1).AddDays(offset), ops);
        return scenario.ToArbitrary();
    }

    /// <summary>Plays a scenario as a host would: changes happen "now", due steps are run before time moves on.</summary>
    private static (List<TimelineStep> Ran, List<string> Violations) Play(Scenario scenario, Action<TimelineState>? observe = null)
    {
        var state = TimelinePlanner.Plan("net-p", scenario.Type, TimelineTemplates.For(scenario.Type), scenario.Start);
        var now = CopenhagenTime.At(state.Day0.AddDays(-14), new TimeOnly(7, 0));
        var ran = new List<TimelineStep>();
        var violations = new List<string>();

        void RunDue()
        {
            while (state.NextDue(now) is NextDue.Run run)
            {
                ran.Add(run.Step);
                state = state.Done(run.Step.Id, run.Step.Version);
                observe?.Invoke(state);
            }
        }

        void Check(string after)
        {
            foreach (var step in state.Steps.Where(s => s.Status != StepStatus.Cancelled))
            {
                if (!Calendar.IsWorkingDay(CopenhagenTime.DateOf(step.Due))) violations.Add($"{after}: {step.Id} on a day off ({step.Due})");
            }

            if (!state.Steps.Select(s => s.Due).SequenceEqual(state.Steps.Select(s => s.Due).Order())) violations.Add($"{after}: steps out of order");
        }

        foreach (var op in scenario.Ops)
        {
            RunDue();
            var pending = state.Meetings.Where(m => !m.Cancelled && state.Step(m.Id)!.IsPending).ToList();
            try
            {
                switch (op.Kind)
                {
                    case OpKind.Advance:
                        now = now.AddDays(op.Days).AddHours(op.Hour); // a host's clock only moves forward
                        break;
                    case OpKind.Move when pending.Count > 0:
                        var meeting = pending[op.MeetingIndex % pending.Count];
                        var date = Calendar.OnOrNextWorkingDay(CopenhagenTime.DateOf(now).AddDays(op.Days + 1));
                        state = state.Apply(new MeetingMoved(meeting.Id, date, new TimeOnly(op.Hour, 0), new TimeOnly(op.Hour + 2, 0), null, now));
                        break;
                    case OpKind.Cancel when pending.Count > 0:
                        state = state.Apply(new MeetingCancelled(pending[op.MeetingIndex % pending.Count].Id, now));
                        break;
                    case OpKind.PauseResume:
                        var before = state.PendingSteps.Count(s => !s.IsChangeNotice);
                        state = state.Apply(new TimelinePaused(now));
                        now = now.AddDays(op.Days);
                        state = state.Apply(new TimelineResumed(now));
                        var afterCount = state.PendingSteps.Count(s => !s.IsChangeNotice);
                        if (before != afterCount) violations.Add($"pause/resume changed remaining steps {before} → {afterCount}");
                        break;
                }
            }
            catch (DomainException)
            {
                // Refused changes (e.g. pausing a closed timeline) leave the state as it was; that is fine.
            }

            observe?.Invoke(state);
            Check(op.ToString());
        }

        now = now.AddYears(3);
        RunDue();
        Check("end");
        if (state.NextDue(now) is not NextDue.Finished) violations.Add("not finished after the end");
        return (ran, violations);
    }

    [Property(MaxTest = 150)]
    public Property Nothing_is_ever_scheduled_on_a_non_working_day_and_steps_stay_in_time_order() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            var (_, violations) = Play(scenario);
            return violations.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", violations));
        });

    [Property(MaxTest = 150)]
    public Property Steps_come_out_in_time_order() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            var (ran, _) = Play(scenario);
            return ran.Select(s => s.Due).SequenceEqual(ran.Select(s => s.Due).Order())
                .Label(string.Join(", ", ran.Select(s => $"{s.Id}@{s.Due:yyyy-MM-dd HH:mm zzz}")) + " | " + string.Join(" ", scenario.Ops.Select(o => o.ToString())));
        });

    [Property(MaxTest = 200)]
    public Property Moving_meetings_any_number_of_times_never_yields_two_reminders_for_one_meeting() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            var (ran, _) = Play(scenario);
            return ran.Where(s => s.Kind == StepKind.MeetingReminder).GroupBy(s => s.MeetingId).All(g => g.Count() == 1);
        });

    [Property(MaxTest = 150)]
    public Property Pause_then_resume_keeps_the_number_of_remaining_steps() =>
        Prop.ForAll(Scenarios(), scenario => Play(scenario).Violations.All(v => !v.StartsWith("pause/resume", StringComparison.Ordinal)));

    [Property(MaxTest = 100)]
    public Property Every_step_runs_exactly_once_when_nothing_changes() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            var (ran, _) = Play(scenario with { Ops = [] });
            var planned = TimelinePlanner.Plan("net-p", scenario.Type, TimelineTemplates.For(scenario.Type), scenario.Start).Steps;
            return ran.Select(s => s.Id).Order().SequenceEqual(planned.Select(s => s.Id).Order());
        });

    [Property(MaxTest = 100)]
    public Property A_store_keeping_plan_and_progress_always_rebuilds_the_current_state() =>
        Prop.ForAll(Scenarios(), scenario =>
        {
            // As the SQLite store does: keep the plan while only steps are done, write a new plan on any other change.
            TimelineState? plan = null;
            var wrong = new List<string>();
            var planWrites = 0;
            Play(scenario, state =>
            {
                var progress = plan is null ? null : state.ProgressSince(plan);
                if (plan is null || progress is null)
                {
                    (plan, progress) = (state, []);
                    planWrites++;
                }

                if (TimelineJson.Serialize(plan.WithProgress(progress)) != TimelineJson.Serialize(state)) wrong.Add(state.NextPending()?.Id ?? "end");
            });
            return (wrong.Count == 0).Label($"rebuilt differently at {string.Join(", ", wrong)}")
                .And((planWrites <= scenario.Ops.Count(o => o.Kind != OpKind.Advance) * 2 + 1).Label($"{planWrites} plan writes"));
        });
}
