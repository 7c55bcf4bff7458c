using FluentValidation;
using Dapper;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Database;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Infrastructure.Cli;

/// <summary>
/// Operator commands, run instead of the web server:
/// <code>
/// dotnet run --project api -- migrate
/// dotnet run --project api -- create-admin --email EMAIL --first-name NAME --last-name NAME   (password: --password, ADMIN_PASSWORD or stdin)
/// dotnet run --project api -- seed-demo
/// dotnet run --project api -- list-demo-users
/// </code>
/// </summary>
public static class Commands
{
    public static readonly string[] Names = ["migrate", "create-admin", "seed-demo", "list-demo-users"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var services = app.Services;
        if (args[0] == "list-demo-users")
        {
            foreach (var u in DemoSeed.Users) Console.WriteLine($"    {u.Email,-45} {u.Description}");
            return 0;
        }
        var migrator = services.GetRequiredService<Migrator>();
        switch (args[0])
        {
            case "migrate":
                await migrator.MigrateAsync();
                Console.WriteLine("Database is up to date.");
                return 0;
            case "create-admin":
                await migrator.MigrateAsync();
                return await CreateAdminAsync(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<RoleGrants>(), Options(args[1..]));
            case "seed-demo":
                await migrator.MigrateAsync();
                await DemoSeed.RunAsync(services.GetRequiredService<NpgsqlDataSource>());
                return 0;
            default:
                return 2;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
            options[args[i].TrimStart('-')] = args[i + 1];
        return options;
    }

    private static async Task<int> CreateAdminAsync(NpgsqlDataSource db, RoleGrants grants, Dictionary<string, string> o)
    {
        if (!o.TryGetValue("email", out var email) || !o.TryGetValue("first-name", out var first) || !o.TryGetValue("last-name", out var last))
        {
            Console.Error.WriteLine("usage: create-admin --email EMAIL --first-name NAME --last-name NAME [--password PASSWORD]");
            return 2;
        }
        var password = o.GetValueOrDefault("password") ?? Environment.GetEnvironmentVariable("ADMIN_PASSWORD");
        if (password is null)
        {
            Console.Error.Write("Password (12 to 128 characters): ");
            password = Console.ReadLine() ?? "";
        }
        var validation = new CreateAdminValidator().Validate((email, first, last, password));
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors) Console.Error.WriteLine($"{e.PropertyName}: {e.ErrorMessage}");
            return 2;
        }
        var id = await GrantAdminAsync(db, grants, TextRules.NormalizeEmail(email), first.Trim(), last.Trim(), password);
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
        await grants.GrantAsync(connection, tx, id, Roles.Admin, Roles.Platform, null, null, "cli", CancellationToken.None);
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
