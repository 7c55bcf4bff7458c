using Dapper;
using Npgsql;
using Participation.Api.Infrastructure.Auth;

namespace Participation.Demo;

/// <summary>
/// The vendor's console (issue 19): one operator and one support person, outside any city (the platform's tables, written
/// as the owner). They sign in at /operator with the demo password.
/// </summary>
public static class DemoSeedOperators
{
    public sealed record DemoOperator(Guid Id, string Email, string DisplayName, string Role, string Description);

    public static readonly DemoOperator[] Operators =
    [
        new(
            Guid.Parse("0190a000-0000-7000-8000-00000000f001"),
            "operator@participation.example",
            "Olivia Operator",
            "operator",
            "the vendor's operator: the console at /operator"
        ),
        new(
            Guid.Parse("0190a000-0000-7000-8000-00000000f002"),
            "support@participation.example",
            "Sam Support",
            "support",
            "the vendor's support staff: the console at /operator (read only)"
        ),
    ];

    private const string Upsert = """
        INSERT INTO operators (id, email, display_name, password_hash, role)
        VALUES (@Id, @Email, @DisplayName, @Hash, @Role)
        ON CONFLICT (email) DO NOTHING;
        """;

    public static async Task RunAsync(NpgsqlConnection owner, NpgsqlTransaction tx, string hash)
    {
        foreach (var o in Operators)
            await owner.ExecuteAsync(
                Upsert,
                new
                {
                    o.Id,
                    o.Email,
                    o.DisplayName,
                    Hash = hash,
                    o.Role,
                },
                tx
            );
    }
}
