namespace Participation.Api.Infrastructure.Cli;

/// <summary>
/// What the operator commands need before any service or database: their usage texts, option parsing and the
/// password prompt. <see cref="Commands.Preflight"/> answers help and usage errors from here.
/// </summary>
public static class CommandLine
{
    public const string NoDatabase =
        "error: no database configured: set ConnectionStrings__Participation or DATABASE_URL "
        + "(for the demo database of `make run`: the connection string `.ci/pg.sh start demo` prints).";

    public static readonly string Usage = """
        Participation API: operator commands (the same binary; without a command it serves the API).

          migrate            apply the pending database migrations
          create-admin       create an account (or keep the existing one) and grant it the admin role
                             --email EMAIL --first-name NAME --last-name NAME [--password PASSWORD]
                             (password: --password, $ADMIN_PASSWORD, or asked twice without echo)
          seed-demo          migrate and fill the demo city "Ville de Belleville" (idempotent)
          list-demo-users    print the demo city's logins (password for all: Demo-password-2026); no database needed
          help               this text; COMMAND --help for one command

        The database: ConnectionStrings__Participation or DATABASE_URL (an Npgsql string or a
        postgres://user:password@host:port/database URL). For the demo database of `make run`, use the
        connection string `.ci/pg.sh start demo` prints, e.g.
          ConnectionStrings__Participation="$(.ci/pg.sh start demo)" dotnet run --project api -- create-admin --help
        """;

    public static readonly Dictionary<string, string> CommandUsage = new()
    {
        ["migrate"] = "usage: migrate\n  apply the pending database migrations",
        ["create-admin"] = """
            usage: create-admin --email EMAIL --first-name NAME --last-name NAME [--password PASSWORD]
              Creates the account (e-mail confirmed) or keeps the existing one, then grants it the admin role
              (audited and e-mailed like any grant). The password comes from --password, $ADMIN_PASSWORD, or is
              asked twice at the terminal without echo (12 to 128 characters).
            """,
        ["seed-demo"] = "usage: seed-demo\n  migrate and fill the demo city \"Ville de Belleville\" (idempotent, runs at every `make run`)",
        ["list-demo-users"] = $"usage: list-demo-users\n  print the demo city's logins (password for all: {DemoSeed.Password}); no database needed",
    };

    /// <summary>The options each command takes (all take a value).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["migrate"] = [],
        ["create-admin"] = ["email", "first-name", "last-name", "password"],
        ["seed-demo"] = [],
        ["list-demo-users"] = [],
    };

    public static bool IsHelp(string arg) => arg is "help" or "--help" or "-h" or "-?";

    /// <summary>
    /// `--name value` pairs after the command; <paramref name="error"/> says what is wrong (unknown option,
    /// missing value, stray word) or is null.
    /// </summary>
    public static Dictionary<string, string> Options(string command, string[] args, out string? error)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{args[i]}'";
                return options;
            }
            var name = args[i][2..];
            if (!Allowed[command].Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                error = $"unknown option '--{name}'";
                return options;
            }
            if (i + 1 >= args.Length)
            {
                error = $"option '--{name}' needs a value";
                return options;
            }
            options[name] = args[++i];
        }
        return options;
    }

    /// <summary>
    /// Reads a secret key by key without showing it (Enter ends it, Backspace erases, Ctrl-C is the terminal's).
    /// </summary>
    public static string ReadSecret(Func<ConsoleKeyInfo> readKey, TextWriter echo)
    {
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            var key = readKey();
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0) secret.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
        echo.WriteLine();
        return secret.ToString();
    }

    /// <summary>
    /// The password from the terminal: asked twice without echo, null (with the reason written) when the two differ.
    /// When the input is not a terminal (piped), its first line is the password.
    /// </summary>
    public static string? AskPassword(TextWriter prompt)
    {
        if (Console.IsInputRedirected) return Console.ReadLine() ?? "";
        prompt.Write("Password (12 to 128 characters): ");
        var first = ReadSecret(() => Console.ReadKey(intercept: true), prompt);
        prompt.Write("Same password again: ");
        var second = ReadSecret(() => Console.ReadKey(intercept: true), prompt);
        if (first == second) return first;
        prompt.WriteLine("error: the two passwords differ; nothing was changed.");
        return null;
    }
}
