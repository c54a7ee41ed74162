namespace Netvaerk.Local.Runner;

/// <summary>Configuration section "Runner".</summary>
public sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary>Tests turn the background loop off and call <see cref="LocalRunner.RunOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;
}
