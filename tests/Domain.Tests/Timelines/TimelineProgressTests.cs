using Netvaerk.Domain.Networks;
using Netvaerk.Domain.Timelines;
using static Netvaerk.Domain.Tests.Timelines.TimelinePlannerTests;

namespace Netvaerk.Domain.Tests.Timelines;

/// <summary>A timeline kept as its plan plus the steps done since (what the stores write at each step).</summary>
public class TimelineProgressTests
{
    private static readonly TimelineState Welfare = Plan(NetworkType.Welfare, new DateOnly(2027, 3, 1));

    [Fact]
    public void Steps_done_since_the_plan_are_its_progress_and_rebuild_the_same_state()
    {
        var (state, ran) = TimelineStateTests.RunUntil(Welfare, Local(2027, 6, 1, 0));
        Assert.NotEmpty(ran);

        var progress = state.ProgressSince(Welfare);

        Assert.NotNull(progress);
        Assert.Equal(ran.Select(s => new StepDone(s.Id, s.Version)).OrderBy(d => d.StepId), progress.OrderBy(d => d.StepId));
        Assert.Equal(TimelineJson.Serialize(state), TimelineJson.Serialize(Welfare.WithProgress(progress)));
    }

    [Fact]
    public void The_plan_itself_has_no_progress()
    {
        Assert.Empty(Welfare.ProgressSince(Welfare)!);
        Assert.Empty(TimelineJson.Deserialize<TimelineState>(TimelineJson.Serialize(Welfare)).ProgressSince(Welfare)!);
    }

    [Fact]
    public void Any_other_change_than_steps_done_is_not_progress()
    {
        var (state, _) = TimelineStateTests.RunUntil(Welfare, Local(2027, 3, 12, 8));
        var moved = state.Apply(new MeetingMoved("meeting-3", new DateOnly(2027, 5, 19), new TimeOnly(9, 0), new TimeOnly(11, 0), null,
            Local(2027, 3, 12, 10)));
        var paused = state.Apply(new TimelinePaused(Local(2027, 3, 12, 10)));
        var closed = state.Apply(new TimelineClosedEarly(Local(2027, 3, 12, 10)));

        Assert.Null(moved.ProgressSince(Welfare));
        Assert.Null(paused.ProgressSince(Welfare));
        Assert.Null(closed.ProgressSince(Welfare));
        Assert.Null(Welfare.ProgressSince(state)); // a step done in the plan but pending now is not progress either
        Assert.Null(Plan(NetworkType.Learning, new DateOnly(2027, 3, 1)).ProgressSince(Welfare));
    }

    [Fact]
    public void Progress_for_an_outdated_step_version_changes_nothing()
    {
        var reminder = Welfare.Step("meeting-2-reminder")!;

        var state = Welfare.WithProgress([new StepDone(reminder.Id, reminder.Version + 1), new StepDone("no-such-step", 1)]);

        Assert.True(state.Step(reminder.Id)!.IsPending);
        Assert.Equal(TimelineJson.Serialize(Welfare), TimelineJson.Serialize(state));
    }

    [Fact]
    public void Progress_round_trips_through_json()
    {
        IReadOnlyList<StepDone> progress = [new("meeting-1-reminder", 1), new("meeting-2-moved-1", 3)];

        Assert.Equal(progress, TimelineJson.Deserialize<IReadOnlyList<StepDone>>(TimelineJson.Serialize(progress)));
    }
}
