namespace Participation.Bench;

/// <summary>
/// CPU time of the API process, of the PostgreSQL server (postmaster, its live children, and the time of
/// children that already exited), of this load client, and of the whole machine, read from /proc: where the
/// cycles of a run go, and how much other work shared the machine meanwhile.
/// </summary>
public sealed class Cpu(int? apiPid, int? postmasterPid)
{
    private static readonly double Tick = 100.0; // USER_HZ on Linux

    public sealed record Sample(double Api, double Postgres, double Client, double MachineBusy, double MachineTotal);

    public Sample Take() =>
        new(
            apiPid is { } a ? ProcessSeconds(a, children: false) : 0,
            postmasterPid is { } p ? ProcessSeconds(p, children: true) + ChildrenSeconds(p) : 0,
            System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,
            Machine().Busy,
            Machine().Total
        );

    public static readonly Sample Zero = new(0, 0, 0, 0, 0);

    public static Sample Sum(Sample x, Sample y) =>
        new(x.Api + y.Api, x.Postgres + y.Postgres, x.Client + y.Client, x.MachineBusy + y.MachineBusy, x.MachineTotal + y.MachineTotal);

    public static Sample Delta(Sample before, Sample after) =>
        new(
            after.Api - before.Api,
            after.Postgres - before.Postgres,
            after.Client - before.Client,
            after.MachineBusy - before.MachineBusy,
            after.MachineTotal - before.MachineTotal
        );

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 (state) on
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // After ") ": index 0 = state (field 3), 1 = ppid, 11 = utime (14), 12 = stime, 13 = cutime, 14 = cstime.
    private static double ProcessSeconds(int pid, bool children)
    {
        var f = Stat(pid);
        if (f is null)
            return 0;
        var ticks = long.Parse(f[11]) + long.Parse(f[12]) + (children ? long.Parse(f[13]) + long.Parse(f[14]) : 0);
        return ticks / Tick;
    }

    private static double ChildrenSeconds(int parent)
    {
        double sum = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            var f = Stat(pid);
            if (f is not null && int.Parse(f[1]) == parent)
                sum += (long.Parse(f[11]) + long.Parse(f[12])) / Tick;
        }
        return sum;
    }

    private static (double Busy, double Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat")
            .First()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Skip(1)
            .Select(long.Parse)
            .ToArray();
        var total = cpu.Take(8).Sum();
        var idle = cpu[3] + cpu[4];
        return ((total - idle) / Tick, total / Tick);
    }
}
