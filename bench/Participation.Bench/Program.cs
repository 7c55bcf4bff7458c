using Participation.Bench;

// Participation.Bench: `seed` fills a migrated database; `run` measures a running API with its baselines (bench/Participation.Bench.Host).
// Both are driven by .ci/bench.sh (`make bench`); see README "Benchmarks".
var options = Options.Parse(args[1..]);
switch (args.FirstOrDefault())
{
    case "seed":
        await Seeder.RunAsync(options.Require("db"), options.Quick ? Scale.Quick : Scale.Full);
        return 0;
    case "run":
        return await Bench.RunAsync(options);
    case "cluster":
        return await ClusterRun.RunAsync(options);
    case "cities":
        return await CitiesRun.RunAsync(options);
    case "seed-reporting":
        await ReportingSeeder.RunAsync(options.Require("db"), options.Quick ? ReportingScale.Quick : ReportingScale.Full);
        return 0;
    case "reporting":
        return await Reporting.RunAsync(options);
    default:
        Console.Error.WriteLine(
            """
            usage: Participation.Bench seed --db CONNECTION [--quick]
                   Participation.Bench run --url http://127.0.0.1:PORT --db CONNECTION --key SIGNING_KEY --out DIR
                                           [--quick] [--api-pid PID] [--seconds 10] [--warmup 3] [--connections 16] [--only NAME]
                   Participation.Bench cluster --url http://127.0.0.1:PORT --proxy http://127.0.0.1:PORT --db CONNECTION
                                               --standby CONNECTION --key SIGNING_KEY --out DIR [--quick] [--seconds 10]
                   Participation.Bench cities --url http://127.0.0.1:PORT --db CONNECTION --key SIGNING_KEY --out DIR
                                              [--quick] [--count 300] [--seconds 10]
                   Participation.Bench seed-reporting --db CONNECTION [--quick]
                   Participation.Bench reporting --url http://127.0.0.1:PORT --db CONNECTION --key SIGNING_KEY --out DIR
                                                 [--quick] [--api-pid PID]
            """
        );
        return 2;
}

public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    public bool Quick { get; private init; }

    public static Options Parse(string[] args)
    {
        var o = new Options { Quick = args.Contains("--quick") };
        for (var i = 0; i < args.Length; i++)
            if (
                args[i].StartsWith("--", StringComparison.Ordinal)
                && i + 1 < args.Length
                && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
            )
                o._values[args[i][2..]] = args[++i];
        return o;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required");

    public double Number(string name, double fallback) =>
        Get(name) is { } v ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
