using FluentValidation;
using Dapper;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Infrastructure.Cli;

/// <summary>
/// Operator commands, run instead of the web server (usage: <see cref="CommandLine.Usage"/>):
/// <code>
/// dotnet run --project api -- migrate
/// dotnet run --project api -- create-admin --email EMAIL --first-name NAME --last-name NAME   (password: --password, ADMIN_PASSWORD or asked twice)
/// dotnet run --project api -- seed-demo
/// dotnet run --project api -- list-demo-users
/// dotnet run --project api -- help                        (or COMMAND --help)
/// </code>
/// Help, usage errors and <c>list-demo-users</c> are answered by <see cref="Preflight"/> before the app is built;
/// the others need the database and report a missing or unreachable one in one line.
/// </summary>
public static class Commands
{
    public static readonly string[] Names = ["migrate", "create-admin", "seed-demo", "list-demo-users"];

    public static bool IsCommand(string[] args) => args.Length > 0 && (Names.Contains(args[0]) || CommandLine.IsHelp(args[0]));

    /// <summary>
    /// The exit code of what needs no service and no database (help, usage errors, <c>list-demo-users</c>), or null
    /// when the command must run (or when <paramref name="args"/> start the web server).
    /// </summary>
    public static int? Preflight(string[] args, TextWriter output, TextWriter error)
    {
        if (!IsCommand(args)) return null;
        if (CommandLine.IsHelp(args[0]))
        {
            output.WriteLine(args.Length > 1 && CommandLine.CommandUsage.TryGetValue(args[1], out var one) ? one : CommandLine.Usage);
            return 0;
        }
        var command = args[0];
        if (args[1..].Any(CommandLine.IsHelp))
        {
            output.WriteLine(CommandLine.CommandUsage[command]);
            return 0;
        }
        var options = CommandLine.Options(command, args[1..], out var problem);
        if (problem is null && command == "create-admin")
        {
            var missing = new[] { "email", "first-name", "last-name" }.Where(o => !options.ContainsKey(o)).ToList();
            if (missing.Count > 0) problem = "missing " + string.Join(", ", missing.Select(o => $"--{o}"));
        }
        if (problem is not null)
        {
            error.WriteLine($"error: {problem}");
            error.WriteLine(CommandLine.CommandUsage[command]);
            return 2;
        }
        if (command == "list-demo-users")
        {
            foreach (var u in DemoSeed.Users) output.WriteLine($"    {u.Email,-45} {u.Description}");
            return 0;
        }
        return null;
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(ConnectionStrings.Resolve(app.Configuration));
        }
        catch (InvalidOperationException)
        {
            Console.Error.WriteLine(CommandLine.NoDatabase);
            return 2;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"error: the connection string is not valid ({ex.Message.Trim()}).");
            return 2;
        }
        try
        {
            return await RunWithDatabaseAsync(app.Services, args);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine($"error: the database could not be used ({ex.GetBaseException().Message.Trim()}); "
                + "check ConnectionStrings__Participation or DATABASE_URL.");
            return 1;
        }
    }

    private static async Task<int> RunWithDatabaseAsync(IServiceProvider services, string[] args)
    {
        var migrator = services.GetRequiredService<Migrator>();
        switch (args[0])
        {
            case "migrate":
                await migrator.MigrateAsync();
                Console.WriteLine("Database is up to date.");
                return 0;
            case "create-admin":
                return await CreateAdminAsync(services, migrator, CommandLine.Options(args[0], args[1..], out _));
            case "seed-demo":
                await migrator.MigrateAsync();
                await DemoSeed.RunAsync(services.GetRequiredService<NpgsqlDataSource>());
                return 0;
            default:
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, Migrator migrator, Dictionary<string, string> o)
    {
        var (email, first, last) = (o["email"], o["first-name"], o["last-name"]);
        var password = o.GetValueOrDefault("password") ?? Environment.GetEnvironmentVariable("ADMIN_PASSWORD")
            ?? CommandLine.AskPassword(Console.Error);
        if (password is null) return 2;
        var validation = new CreateAdminValidator().Validate((email, first, last, password));
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors) Console.Error.WriteLine($"{e.PropertyName}: {e.ErrorMessage}");
            return 2;
        }
        await migrator.MigrateAsync();
        var id = await GrantAdminAsync(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<RoleGrants>(),
            TextRules.NormalizeEmail(email), first.Trim(), last.Trim(), password);
        Console.WriteLine($"Admin {email} ready (user {id}).");
        return 0;
    }

    private const string UpsertUser = """
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
        VALUES (@Id, @Email, @Hash, @First, @Last, now())
        ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
        RETURNING id;
        """;

    /// <summary>
    /// Creates the account (confirmed) or, when the e-mail exists, keeps it; then grants the admin role
    /// through <see cref="RoleGrants"/> like any other grant (audited, e-mailed, role version bumped).
    /// </summary>
    public static async Task<Guid> GrantAdminAsync(NpgsqlDataSource db, RoleGrants grants, string email, string first, string last, string password)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var id = await connection.QuerySingleAsync<Guid>(UpsertUser, new
        {
            Id = Guid.CreateVersion7(), Email = email, Hash = Passwords.Hash(password), First = first, Last = last,
        }, tx);
        await grants.GrantAsync(connection, tx, id, Role.Admin, ScopeType.Platform, null, null, "cli", CancellationToken.None);
        await tx.CommitAsync();
        return id;
    }

    private sealed class CreateAdminValidator : FluentValidation.AbstractValidator<(string Email, string First, string Last, string Password)>
    {
        public CreateAdminValidator()
        {
            RuleFor(x => x.Email).EmailAddress().OverridePropertyName("email");
            RuleFor(x => x.First).PersonName().OverridePropertyName("first-name");
            RuleFor(x => x.Last).PersonName().OverridePropertyName("last-name");
            RuleFor(x => x.Password).NewPassword().OverridePropertyName("password");
        }
    }
}
