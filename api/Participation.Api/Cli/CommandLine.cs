namespace Participation.Api.Cli;

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
          create-operator    create a person of the vendor's console (operator or support), outside any city
                             --email EMAIL --name NAME --role operator|support [--password PASSWORD]
                             (password: --password, $OPERATOR_PASSWORD, or asked twice without echo)
          create-database    create database NAME on the configured server if missing, print its connection string
                             --name NAME [--fresh]   (what `.ci/pg.sh createdb` runs)
          help               this text; COMMAND --help for one command

        The database: ConnectionStrings__Participation or DATABASE_URL (an Npgsql string or a
        postgres://user:password@host:port/database URL). For the demo database of `make run`, use the
        connection string `.ci/pg.sh start demo` prints, e.g.
          ConnectionStrings__Participation="$(.ci/pg.sh start demo)" dotnet run --project api/Participation.Api -- create-admin --help
        """;

    /// <summary>
    /// A command: its usage text, the options it takes with a value (<paramref name="Required"/> among them) and
    /// those it takes without one.
    /// </summary>
    public sealed record Spec(string Usage, string[] Options, string[] Required, string[] Flags);

    /// <summary>Every operator command; <see cref="Usage"/> lists them.</summary>
    public static readonly Dictionary<string, Spec> Specs = new()
    {
        ["migrate"] = new("usage: migrate\n  apply the pending database migrations", [], [], []),
        ["create-admin"] = new(
            """
            usage: create-admin --email EMAIL --first-name NAME --last-name NAME [--password PASSWORD]
              Creates the account (e-mail confirmed) or keeps the existing one, then grants it the admin role
              (audited and e-mailed like any grant). The password comes from --password, $ADMIN_PASSWORD, or is
              asked twice at the terminal without echo (12 to 128 characters).
            """,
            ["email", "first-name", "last-name", "password"],
            ["email", "first-name", "last-name"],
            []
        ),
        ["create-operator"] = new(
            """
            usage: create-operator --email EMAIL --name NAME --role operator|support [--password PASSWORD]
              Creates a person of the vendor's console (issue 19), outside any city: an operator (every console action)
              or support staff (reads the console). An existing address keeps its account: its name, role and password
              are updated and it is enabled again. The password comes from --password, $OPERATOR_PASSWORD, or is asked
              twice at the terminal without echo (12 to 128 characters).
            """,
            ["email", "name", "role", "password"],
            ["email", "name", "role"],
            []
        ),
        ["create-database"] = new(
            """
            usage: create-database --name NAME [--fresh]
              Creates database NAME (letters, digits and _) on the configured server when it is missing (--fresh: drops
              it first; the role needs CREATEDB) and prints its connection string (what `.ci/pg.sh createdb` runs).
            """,
            ["name"],
            ["name"],
            ["fresh"]
        ),
    };

    /// <summary>A command to run, with its options (a flag's value is "true").</summary>
    public sealed record Invocation(string Command, IReadOnlyDictionary<string, string> Options);

    public static bool IsHelp(string arg) => arg is "help" or "--help" or "-h" or "-?";

    /// <summary>
    /// The `--name value` pairs and flags after the command. <c>Help</c> when a help word stands where an option would
    /// (it wins over any error); <c>Error</c> says what is wrong (stray word, unknown option, missing value, missing
    /// required option) or is null.
    /// </summary>
    public static (Dictionary<string, string> Options, bool Help, string? Error) Parse(Spec spec, string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var (help, error) = (false, (string?)null);
        for (var i = 0; i < args.Length; i++)
        {
            if (IsHelp(args[i]))
                help = true;
            else if (error is not null)
                continue;
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
                error = $"unexpected argument '{args[i]}'";
            else if (spec.Flags.Contains(args[i][2..], StringComparer.OrdinalIgnoreCase))
                options[args[i][2..]] = "true";
            else if (!spec.Options.Contains(args[i][2..], StringComparer.OrdinalIgnoreCase))
                error = $"unknown option '{args[i]}'";
            else if (i + 1 >= args.Length)
                error = $"option '{args[i]}' needs a value";
            else
                options[args[i][2..]] = args[++i];
        }
        var missing = spec.Required.Where(o => !options.ContainsKey(o)).Select(o => $"--{o}").ToList();
        if (error is null && missing.Count > 0)
            error = "missing " + string.Join(", ", missing);
        return (options, help, error);
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
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (secret.Length > 0)
                    secret.Length--;
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
        if (Console.IsInputRedirected)
            return Console.ReadLine() ?? "";
        prompt.Write("Password (12 to 128 characters): ");
        var first = ReadSecret(() => Console.ReadKey(intercept: true), prompt);
        prompt.Write("Same password again: ");
        var second = ReadSecret(() => Console.ReadKey(intercept: true), prompt);
        if (first == second)
            return first;
        prompt.WriteLine("error: the two passwords differ; nothing was changed.");
        return null;
    }
}
