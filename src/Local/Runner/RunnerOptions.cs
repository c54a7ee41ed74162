namespace Netvaerk.Local.Runner;

/// <summary>Configuration section "Runner".</summary>
public sealed class RunnerOptions
{
    public const string Section = "Runner";

    /// <summary>Tests turn the background loop off and call <see cref="LocalRunner.RunOnceAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many networks' due steps are executed at the same time.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 64)]
    public int Parallelism { get; set; } = Math.Max(2, Environment.ProcessorCount);
}
