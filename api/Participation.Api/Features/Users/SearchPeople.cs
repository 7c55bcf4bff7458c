namespace Participation.Api.Features.Users;

/// <summary>
/// Finding a person to appoint (a moderator, a head): for admins and department heads, by name or exact
/// e-mail address. Answers names only — a department head never sees e-mail addresses.
/// </summary>
public static class SearchPeople
{
    public sealed record Query(Guid ActorId, string? Q) : IQuery<Response>;

    public sealed record Person(Guid Id, string FirstName, string LastName);

    public sealed record Response(IReadOnlyList<Person> Items);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() =>
            RuleFor(q => q.Q)
                .NotEmpty()
                .WithMessage(_ => Messages.Get("required"))
                .Must(q => q is null || q.Trim().Length is >= 2 and <= 100)
                .WithMessage(_ => Messages.Get("between_2_100_chars"))
                .PlainText(100);
    }

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        private const string Allowed = """
            SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = @ActorId AND role IN ('admin', 'department_head'));
            """;

        // Names by substring; e-mail only as an exact match, so the search cannot be used to harvest addresses.
        private const string Sql = """
            SELECT id, first_name, last_name FROM users
             WHERE (first_name || ' ' || last_name) ILIKE '%' || @Like || '%'
                OR (last_name || ' ' || first_name) ILIKE '%' || @Like || '%'
                OR email = lower(@Q)
             ORDER BY lower(last_name), lower(first_name), id
             LIMIT 20;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Allowed, q, cancellationToken: ct)))
                throw new ForbiddenException();
            var text = q.Q!.Trim();
            var like = TextRules.EscapeLike(text);
            return new Response(
                (
                    await connection.QueryAsync<Person>(new CommandDefinition(Sql, new { Like = like, Q = text }, cancellationToken: ct))
                ).AsList()
            );
        }
    }

    [EndpointSummary("Find a person to appoint, by name or exact e-mail (admins and department heads); names only.")]
    public static ValueTask<Response> Endpoint(string? q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, q), ct);
}
