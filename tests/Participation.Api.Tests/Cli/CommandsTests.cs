using System.Diagnostics;
using Dapper;
using Npgsql;
using Participation.Api.Cli;
using Participation.Api.Tests.Infrastructure;
using Participation.Demo;

namespace Participation.Api.Tests.Cli;

/// <summary>
/// The operator commands (`dotnet run --project api/Participation.Api -- COMMAND`): help and usage errors need no database, a missing
/// or unreachable database is one line and an exit code (no stack trace), and the password is read without echo.
/// The process-level tests run the API's own binary as an operator would.
/// </summary>
public sealed class CommandsTests
{
    private const string Unreachable = "Host=127.0.0.1;Port=1;Username=nobody;Database=nowhere;Timeout=3";

    [Fact]
    public async Task Create_admin_help_prints_the_usage_without_touching_the_database()
    {
        var run = await RunApiAsync(Unreachable, "create-admin", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("usage: create-admin --email EMAIL --first-name NAME --last-name NAME", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_command_without_a_connection_string_says_so_in_one_line()
    {
        var run = await RunApiAsync(null, "migrate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(CommandLine.NoDatabase, run.Error.Trim());
        Assert.DoesNotContain("Unhandled exception", run.Error);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_and_exit_code_1()
    {
        var run = await RunApiAsync(
            Unreachable,
            "create-admin",
            "--email",
            "a@example.org",
            "--first-name",
            "Ada",
            "--last-name",
            "Admin",
            "--password",
            "a long enough password"
        );

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith("error: the database could not be used", run.Error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("-h")]
    public void The_general_help_lists_every_command(string help)
    {
        var (code, output, error) = Preflight(help);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        foreach (var command in CommandLine.Specs.Keys)
            Assert.Contains($"\n  {command} ", output);
        Assert.Contains(".ci/pg.sh start demo", output);
    }

    [Theory]
    [InlineData("create-admin --email a@example.org", "error: missing --first-name, --last-name")]
    [InlineData("create-admin --email a@example.org --first-name A --last-name B --pasword x", "error: unknown option '--pasword'")]
    [InlineData("create-admin --email", "error: option '--email' needs a value")]
    [InlineData("migrate now", "error: unexpected argument 'now'")]
    [InlineData("create-database --fresh", "error: missing --name")]
    public void A_usage_error_is_told_with_the_usage_and_exit_code_2(string args, string expected)
    {
        var (code, output, error) = Preflight(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith(expected + "\n", error.ReplaceLineEndings("\n"));
        Assert.Contains(CommandLine.Specs[args.Split(' ')[0]].Usage, error);
    }

    [Theory]
    [InlineData("create-admin --help")]
    [InlineData("create-admin --email a@example.org -h")]
    [InlineData("create-admin --pasword x --help")]
    public void A_help_word_where_an_option_stands_prints_the_command_usage(string args)
    {
        var (code, output, error) = Preflight(args.Split(' '));

        Assert.Equal(0, code);
        Assert.Equal(CommandLine.Specs["create-admin"].Usage + Environment.NewLine, output);
        Assert.Equal("", error);
    }

    [Fact]
    public void A_help_word_given_as_an_option_value_is_that_value()
    {
        var (code, output, error, command) = PreflightWithCommand(
            "create-admin",
            "--email",
            "a@example.org",
            "--first-name",
            "help",
            "--last-name",
            "-h"
        );

        Assert.Null(code);
        Assert.Equal(("", ""), (output, error));
        Assert.Equal("help", command!.Options["first-name"]);
        Assert.Equal("-h", command.Options["last-name"]);
    }

    [Fact]
    public async Task Listing_the_demo_users_needs_no_database()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await DemoSeedCommand.RunAsync(["--list"], output, error));
        foreach (var user in DemoSeed.Users)
            Assert.Contains(user.Email, output.ToString());
        foreach (var person in DemoSeedOperators.Operators)
            Assert.Contains(person.Email, output.ToString());
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Create_operator_makes_the_vendors_person_outside_any_city_then_updates_it_and_refuses_an_unknown_role()
    {
        var server = await ApiFactory.CreateDatabaseAsync("participation_tests_cli_operator");
        string[] Args(string name, string role) =>
            ["create-operator", "--email", "Ops@Vendor.test", "--name", name, "--role", role, "--password", "a long enough password"];

        var created = await RunApiAsync(server, Args("Olivia Operator", "operator"));
        var updated = await RunApiAsync(server, Args("Olivia Support", "support"));
        var refused = await RunApiAsync(server, Args("Olivia", "admin"));

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.StartsWith("Operator Ops@Vendor.test ready", created.Output);
        Assert.Equal(0, updated.ExitCode);
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("role:", refused.Error);
        await using var connection = Unpooled(server);
        var rows = (
            await connection.QueryAsync<(string Email, string Name, string Role)>("SELECT email, display_name, role FROM operators")
        ).AsList();
        Assert.Equal([("ops@vendor.test", "Olivia Support", "support")], rows);
        Assert.Equal(
            2,
            await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM operator_audit WHERE action = 'operator.created_by_cli'")
        );
    }

    [Fact]
    public async Task The_demo_seed_refuses_a_stray_argument_and_names_it()
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(2, await DemoSeedCommand.RunAsync(["--lsit"], output, error));
        Assert.StartsWith("error: unexpected argument '--lsit'", error.ToString());
    }

    [Fact]
    public void The_api_assembly_holds_neither_the_demo_seed_nor_the_bench_baselines() =>
        Assert.DoesNotContain(typeof(Program).Assembly.GetTypes(), t =>
            t.Name.StartsWith("DemoSeed", StringComparison.Ordinal) || t.Name.StartsWith("Baseline", StringComparison.Ordinal)
        );

    [Fact]
    public void Commands_that_need_the_database_and_the_web_server_are_left_to_run()
    {
        var admin = PreflightWithCommand("create-admin", "--email", "a@example.org", "--FIRST-NAME", "A", "--last-name", "B");
        Assert.Null(admin.Code);
        Assert.Equal("create-admin", admin.Command!.Command);
        Assert.Equal(
            ("a@example.org", "A", "B"),
            (admin.Command.Options["email"], admin.Command.Options["first-name"], admin.Command.Options["last-name"])
        );
        Assert.False(admin.Command.Options.ContainsKey("password"));

        var migrate = PreflightWithCommand("migrate");
        Assert.Null(migrate.Code);
        Assert.Equal("migrate", migrate.Command!.Command);
        Assert.Empty(migrate.Command.Options);

        var fresh = PreflightWithCommand("create-database", "--fresh", "--name", "x");
        Assert.Null(fresh.Code);
        Assert.Equal(("x", "true"), (fresh.Command!.Options["name"], fresh.Command.Options["fresh"]));

        var server = PreflightWithCommand("--urls", "http://localhost:5080");
        Assert.Null(server.Code);
        Assert.Null(server.Command);
        Assert.Equal(("", ""), (server.Output, server.Error));
    }

    [Fact]
    public async Task Create_database_makes_the_database_once_and_prints_its_connection_string()
    {
        var server = await ApiFactory.CreateDatabaseAsync("participation_tests_cli");
        const string name = "participation_tests_cli_created";

        var created = await RunApiAsync(server, "create-database", "--name", name, "--fresh");
        // Unpooled: --fresh ends every session on the database, a pooled connection included.
        await using (var connection = Unpooled(created.Output))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE kept (id int)");
            Assert.Equal(name, await connection.ExecuteScalarAsync<string>("SELECT current_database()"));
        }
        var again = await RunApiAsync(server, "create-database", "--name", name);
        var fresh = await RunApiAsync(server, "create-database", "--name", name, "--fresh");
        int tables;
        await using (var connection = Unpooled(fresh.Output))
            tables = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'kept'");
        var badName = await RunApiAsync(server, "create-database", "--name", "no-dashes");

        Assert.Equal((0, $"database {name} created"), (created.ExitCode, created.Error.Trim()));
        Assert.Equal(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, created.Output.Trim());
        Assert.Equal((0, "", created.Output), (again.ExitCode, again.Error, again.Output));
        Assert.Equal((0, created.Output), (fresh.ExitCode, fresh.Output));
        Assert.Equal(0, tables);
        Assert.Equal((2, ""), (badName.ExitCode, badName.Output));
        Assert.StartsWith("error: a database name is letters, digits and _ only", badName.Error);
    }

    [Fact]
    public void A_password_typed_at_the_terminal_is_not_shown()
    {
        var keys = new Queue<ConsoleKeyInfo>(
            "secret-X"
                .Select(Key)
                .Append(new ConsoleKeyInfo('\b', ConsoleKey.Backspace, false, false, false))
                .Concat("word".Select(Key))
                .Append(new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false))
        );
        var echo = new StringWriter();

        var secret = CommandLine.ReadSecret(keys.Dequeue, echo);

        Assert.Equal("secret-word", secret);
        Assert.Equal(Environment.NewLine, echo.ToString());
        Assert.Empty(keys);
    }

    private static NpgsqlConnection Unpooled(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString.Trim()) { Pooling = false }.ConnectionString);

    private static ConsoleKeyInfo Key(char c) => new(c, ConsoleKey.A, false, false, false);

    private static (int? Code, string Output, string Error) Preflight(params string[] args)
    {
        var (code, output, error, _) = PreflightWithCommand(args);
        return (code, output, error);
    }

    private static (int? Code, string Output, string Error, CommandLine.Invocation? Command) PreflightWithCommand(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = Commands.Preflight(args, output, error, out var command);
        return (code, output.ToString(), error.ToString(), command);
    }

    private sealed record Run(int ExitCode, string Output, string Error);

    /// <summary>Runs the API binary with <paramref name="args"/>, with <paramref name="connectionString"/> as its only database
    /// setting.</summary>
    private static async Task<Run> RunApiAsync(string? connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment.Remove("DATABASE_URL");
        start.Environment.Remove("ConnectionStrings__Participation");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        if (connectionString is not null)
            start.Environment["ConnectionStrings__Participation"] = connectionString;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
