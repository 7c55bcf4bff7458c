using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Participation.Ops.Tests.Infrastructure;

/// <summary>
/// One API instance as a real process (the built Participation.Api.dll, as `make run` and a deployment start it), on a
/// free loopback port, its output in a log file. <see cref="Kill"/> is a <c>kill -9</c>; disposing stops it the same way.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>The key every instance of a test signs and checks tokens with (the same on all, as in a cluster).</summary>
    public const string SigningKey = "ops-tests-signing-key-of-at-least-32-bytes";

    private readonly Process _process;

    private ApiProcess(Process process, string connectionString, Uri baseAddress, string logPath)
    {
        _process = process;
        ConnectionString = connectionString;
        BaseAddress = baseAddress;
        LogPath = logPath;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The database this instance serves (its <c>ConnectionStrings__Participation</c>).</summary>
    public string ConnectionString { get; }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote (stdout and stderr).</summary>
    public string LogPath { get; }

    /// <summary>A client aimed at this instance.</summary>
    public HttpClient Client { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts an instance on <paramref name="connectionString"/> and waits until /health/ready answers 200.
    /// <paramref name="settings"/> are configuration keys in environment form (e.g. <c>Email__SmtpHost</c>); a null
    /// value removes an inherited one.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(
        string connectionString,
        string name,
        IReadOnlyDictionary<string, string?>? settings = null,
        int? port = null,
        IReadOnlyList<string>? prefix = null
    )
    {
        if (!File.Exists(Repo.ApiDll))
            throw new InvalidOperationException($"{Repo.ApiDll} not built: build the solution first.");
        var listen = port ?? FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{listen}");
        var logDir = Path.Combine(Repo.Root, ".local", "ops-tests");
        Directory.CreateDirectory(logDir);
        var logPath = Path.Combine(logDir, $"{name}.log");

        // prefix: a command the API runs under (e.g. unshare and a mount), which ends by exec-ing "dotnet …".
        var info = new ProcessStartInfo(prefix is { Count: > 0 } ? prefix[0] : "dotnet")
        {
            WorkingDirectory = Repo.ApiProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (prefix is { Count: > 0 })
        {
            foreach (var arg in prefix.Skip(1))
                info.ArgumentList.Add(arg);
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(Repo.ApiDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["ConnectionStrings__Participation"] = connectionString;
        env["Auth__SigningKey"] = SigningKey;
        env["Email__PickupDirectory"] = Path.Combine(logDir, $"{name}-mail");
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
                env.Remove(key);
            else
                env[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var gate = new object();
        void Write(string? line)
        {
            if (line is null)
                return;
            lock (gate)
                log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) =>
        {
            lock (gate)
                log.Flush();
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, connectionString, baseAddress, logPath);
        await api.WaitReadyAsync();
        return api;
    }

    /// <summary>
    /// Runs an operator command of the API (e.g. <c>create-admin --email … --password …</c>) on
    /// <paramref name="connectionString"/> and returns its output; fails when it exits with an error.
    /// </summary>
    public static async Task<string> RunCommandAsync(string connectionString, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.ApiProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Repo.ApiDll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Participation"] = connectionString;
        info.Environment["Auth__SigningKey"] = SigningKey;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {process.ExitCode}: {await error}{await output}");
        return await output;
    }

    /// <summary>Signs in through this instance; returns the access token (fails with the API's answer unless 200).</summary>
    public async Task<string> LoginAsync(string email, string password)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"login as {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in through this instance: <see cref="Client"/> sends the access token from now on.</summary>
    public async Task SignInAsync(string email, string password) =>
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(email, password));

    /// <summary>
    /// Makes an admin with the operator command (<c>create-admin</c>, first name Ada) on this instance's database, then
    /// signs in as them (<see cref="SignInAsync"/>).
    /// </summary>
    public async Task SignInAsNewAdminAsync(string email, string password, string lastName)
    {
        await RunCommandAsync(
            ConnectionString,
            "create-admin",
            "--email",
            email,
            "--first-name",
            "Ada",
            "--last-name",
            lastName,
            "--password",
            password
        );
        await SignInAsync(email, password);
    }

    /// <summary>
    /// Waits until /health/ready answers 200: a bounded number of tries, each waiting for an answer (start-up takes
    /// seconds on an idle machine, a minute or more when the two cores are busy).
    /// </summary>
    public async Task WaitReadyAsync(int tries = 600)
    {
        for (var i = 0; i < tries; i++)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"the API stopped during start-up (exit {_process.ExitCode}); log: {LogPath}\n{Tail()}"
                );
            if (await IsReadyAsync())
                return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"the API at {BaseAddress} did not become ready; log: {LogPath}\n{Tail()}");
    }

    /// <summary>Whether /health/ready answers 200 now.</summary>
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as when a machine loses power or the OOM killer strikes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The last lines of the log (for failure messages).</summary>
    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
