using System.Diagnostics;

namespace Participation.Ops.Tests.Deployment;

/// <summary>A program run to its end (a script of deploy/ or .ci/, an operator command), its output kept for messages.</summary>
public static class Shell
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string Both => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
    }

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/> and waits for it to end, at most
    /// <paramref name="limit"/> (then it is killed and the test fails); <paramref name="environment"/> adds variables.
    /// </summary>
    public static async Task<Result> RunAsync(
        string file,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        TimeSpan? limit = null
    )
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Infrastructure.Repo.Root,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end in time:\n{await error}");
        }
        return new Result(process.ExitCode, (await output).Trim(), (await error).Trim());
    }
}
