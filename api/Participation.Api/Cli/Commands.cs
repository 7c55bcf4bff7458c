using Participation.Api.Features.Grants;

namespace Participation.Api.Cli;

/// <summary>
/// Operator commands, run instead of the web server (usage: <see cref="CommandLine.Usage"/>):
/// <code>
/// dotnet run --project api/Participation.Api -- migrate
/// dotnet run --project api/Participation.Api -- create-admin --email EMAIL --first-name NAME --last-name NAME
///                                                 (password: --password, ADMIN_PASSWORD or asked twice)
/// dotnet run --project api/Participation.Api -- create-operator --email EMAIL --name NAME --role operator|support
///                                                 (password: --password, OPERATOR_PASSWORD or asked twice)
/// dotnet run --project api/Participation.Api -- create-database --name NAME [--fresh]
/// dotnet run --project api/Participation.Api -- help          (or COMMAND --help)
/// </code>
/// Help and usage errors are answered by <see cref="Preflight"/> before the app is built;
/// the others need the database and report a missing or unreachable one in one line.
/// </summary>
public static class Commands
{
    /// <summary>
    /// The exit code of what needs no service and no database (help, usage errors), or null
    /// with the <paramref name="command"/> to run after the app is built (null too when <paramref name="args"/> start
    /// the web server).
    /// </summary>
    public static int? Preflight(string[] args, TextWriter output, TextWriter error, out CommandLine.Invocation? command)
    {
        command = null;
        if (args.Length == 0)
            return null;
        if (CommandLine.IsHelp(args[0]))
        {
            output.WriteLine(args.Length > 1 && CommandLine.Specs.TryGetValue(args[1], out var one) ? one.Usage : CommandLine.Usage);
            return 0;
        }
        if (!CommandLine.Specs.TryGetValue(args[0], out var spec))
            return null;
        var (options, help, problem) = CommandLine.Parse(spec, args[1..]);
        if (help)
        {
            output.WriteLine(spec.Usage);
            return 0;
        }
        if (problem is not null)
        {
            error.WriteLine($"error: {problem}");
            error.WriteLine(spec.Usage);
            return 2;
        }
        command = new(args[0], options);
        return null;
    }

    public static async Task<int> RunAsync(WebApplication app, CommandLine.Invocation command)
    {
        string server;
        try
        {
            server = new NpgsqlConnectionStringBuilder(ConnectionStrings.Resolve(app.Configuration)).ConnectionString;
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
            var services = app.Services;
            var o = command.Options;
            switch (command.Command)
            {
                case "migrate":
                    await services.GetRequiredService<Migrator>().MigrateAsync();
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "create-admin":
                    return await CreateAdminAsync(services, o["email"], o["first-name"], o["last-name"], o.GetValueOrDefault("password"));
                case "create-operator":
                    return await CreateOperatorAsync(services, o["email"], o["name"], o["role"], o.GetValueOrDefault("password"));
                case "create-database":
                    return await CreateDatabaseAsync(server, o["name"], o.ContainsKey("fresh"));
                default:
                    throw new InvalidOperationException($"no handler for the command {command.Command}");
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            Console.Error.WriteLine(
                $"error: the database could not be used ({ex.GetBaseException().Message.Trim()}); "
                    + "check ConnectionStrings__Participation or DATABASE_URL."
            );
            return 1;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string email, string first, string last, string? password)
    {
        password ??= Environment.GetEnvironmentVariable("ADMIN_PASSWORD") ?? CommandLine.AskPassword(Console.Error);
        if (password is null)
            return 2;
        var validation = new CreateAdminValidator().Validate((email, first, last, password));
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors)
                Console.Error.WriteLine($"{e.PropertyName}: {e.ErrorMessage}");
            return 2;
        }
        await services.GetRequiredService<Migrator>().MigrateAsync();
        var id = await GrantAdminAsync(
            services.GetRequiredService<CityDb>(),
            services.GetRequiredService<RoleGrants>(),
            TextRules.NormalizeEmail(email),
            first.Trim(),
            last.Trim(),
            password
        );
        Console.WriteLine($"Admin {email} ready (user {id}).");
        return 0;
    }

    private static async Task<int> CreateOperatorAsync(IServiceProvider services, string email, string name, string role, string? password)
    {
        password ??= Environment.GetEnvironmentVariable("OPERATOR_PASSWORD") ?? CommandLine.AskPassword(Console.Error);
        if (password is null)
            return 2;
        var validation = new CreateOperatorValidator().Validate((email, name, role, password));
        if (!validation.IsValid)
        {
            foreach (var e in validation.Errors)
                Console.Error.WriteLine($"{e.PropertyName}: {e.ErrorMessage}");
            return 2;
        }
        await services.GetRequiredService<Migrator>().MigrateAsync();
        var id = await UpsertOperatorAsync(
            services.GetRequiredService<PlatformDb>(),
            TextRules.NormalizeEmail(email),
            name.Trim(),
            role,
            password
        );
        Console.WriteLine($"{(role == "support" ? "Support" : "Operator")} {email} ready (operator {id}).");
        return 0;
    }

    private const string UpsertOperator = """
        INSERT INTO operators (id, email, display_name, password_hash, role)
        VALUES (@Id, @Email, @Name, @Hash, @Role)
        ON CONFLICT (email) DO UPDATE
           SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, disabled_at = NULL,
               credentials_version = operators.credentials_version + 1, password_change_required = false
        RETURNING id;
        """;

    /// <summary>
    /// Creates the vendor's person (issue 19) or, when the address exists, updates its name, role and password and
    /// enables it again (the tokens issued before are refused: the way back in for someone with the server's keys); the
    /// creation is in the operators' audit (no operator acted: the command line).
    /// </summary>
    public static async Task<Guid> UpsertOperatorAsync(PlatformDb db, string email, string name, string role, string password)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var id = await connection.QuerySingleAsync<Guid>(
            UpsertOperator,
            new
            {
                Id = Guid.CreateVersion7(),
                Email = email,
                Name = name,
                Hash = Passwords.Hash(password),
                Role = role,
            },
            tx
        );
        await connection.ExecuteAsync(
            """
            INSERT INTO operator_audit (id, operator_id, action, details)
            VALUES (@Audit, NULL, 'operator.created_by_cli', jsonb_build_object('operatorId', @Id, 'role', @Role));
            """,
            new
            {
                Audit = Guid.CreateVersion7(),
                Id = id,
                Role = role,
            },
            tx
        );
        await tx.CommitAsync();
        return id;
    }

    private sealed class CreateOperatorValidator
        : FluentValidation.AbstractValidator<(string Email, string Name, string Role, string Password)>
    {
        public CreateOperatorValidator()
        {
            RuleFor(x => x.Email).EmailAddress().MaximumLength(254).OverridePropertyName("email");
            RuleFor(x => x.Name).PersonName().OverridePropertyName("name");
            RuleFor(x => x.Role).Must(r => r is "operator" or "support").WithMessage("operator or support").OverridePropertyName("role");
            RuleFor(x => x.Password).NewPassword().OverridePropertyName("password");
        }
    }

    /// <summary>
    /// Database <paramref name="name"/> on the server of <paramref name="server"/> (reached through that string's own
    /// database), created when missing and first dropped when <paramref name="fresh"/>; prints its connection string.
    /// </summary>
    private static async Task<int> CreateDatabaseAsync(string server, string name, bool fresh)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9_]+$"))
        {
            Console.Error.WriteLine($"error: a database name is letters, digits and _ only: '{name}'");
            return 2;
        }
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            // A name cannot be a parameter: it is checked above.
            if (fresh)
                await connection.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            if (await connection.ExecuteScalarAsync<int?>("SELECT 1 FROM pg_database WHERE datname = @name", new { name }) is null)
            {
                await connection.ExecuteAsync($"CREATE DATABASE \"{name}\"");
                Console.Error.WriteLine($"database {name} created");
            }
        }
        Console.WriteLine(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        return 0;
    }

    private const string UpsertUser = """
        INSERT INTO users (id, email, password_hash, first_name, last_name, email_confirmed_at)
        VALUES (@Id, @Email, @Hash, @First, @Last, now())
        ON CONFLICT (city_id, email) DO UPDATE SET email = EXCLUDED.email
        RETURNING id;
        """;

    /// <summary>
    /// Creates the account (confirmed) or, when the e-mail exists, keeps it; then grants the admin role
    /// through <see cref="RoleGrants"/> like any other grant (audited, e-mailed, role version bumped).
    /// </summary>
    public static async Task<Guid> GrantAdminAsync(CityDb db, RoleGrants grants, string email, string first, string last, string password)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var id = await connection.QuerySingleAsync<Guid>(
            UpsertUser,
            new
            {
                Id = Guid.CreateVersion7(),
                Email = email,
                Hash = Passwords.Hash(password),
                First = first,
                Last = last,
            },
            tx
        );
        await grants.GrantAsync(connection, tx, id, Role.Admin, ScopeType.Platform, null, null, "cli", CancellationToken.None);
        await tx.CommitAsync();
        return id;
    }

    private sealed class CreateAdminValidator
        : FluentValidation.AbstractValidator<(string Email, string First, string Last, string Password)>
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
