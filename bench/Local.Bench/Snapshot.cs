using System.Diagnostics;
using System.Globalization;

/// <summary>What this process has used so far; the year and the limit harness each measure the difference over their run.</summary>
internal sealed record Snapshot(TimeSpan User, TimeSpan Sys, long Written, long Allocated, TimeSpan GcPause, long Peak)
{
    public static Snapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new Snapshot(process.UserProcessorTime, process.PrivilegedProcessorTime, WrittenBytes(),
            GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), process.PeakWorkingSet64);
    }

    // Bytes this process handed to write() (Linux /proc/self/io "wchar"); 0 where that file does not exist.
    private static long WrittenBytes()
    {
        const string io = "/proc/self/io";
        if (!File.Exists(io)) return 0;
        var line = File.ReadLines(io).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
