using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Auth;

/// <summary>Consumes an e-mail confirmation token (single use, 7 days).</summary>
public static class ConfirmEmail
{
    public sealed record Command(string Token) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Token).RequiredText(200);
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        // One statement: a token is consumed at most once, even under parallel requests.
        private const string Sql = """
            WITH consumed AS (
                UPDATE user_tokens SET used_at = now()
                 WHERE token_hash = @Hash AND purpose = 'confirm_email' AND used_at IS NULL AND expires_at > now()
                RETURNING user_id)
            UPDATE users u SET email_confirmed_at = coalesce(u.email_confirmed_at, now()), updated_at = now()
              FROM consumed WHERE u.id = consumed.user_id
            RETURNING u.id;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var id = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(Sql, new { Hash = SecureTokens.Hash(c.Token) }, cancellationToken: ct));
            return id is null ? throw new GoneException() : Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/confirm-email", async (Command command, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(command, ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(ConfirmEmail))
        .WithSummary("Confirm an e-mail address with the token from the e-mailed link.")
        .ProducesProblems(400, 410, 429);
}
