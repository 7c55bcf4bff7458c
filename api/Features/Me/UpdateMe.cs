using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Me;

/// <summary>Changes the signed-in user's names or language; absent fields stay as they are.</summary>
public static class UpdateMe
{
    public sealed record Request(string? FirstName, string? LastName, string? Locale);

    public sealed record Command(Guid ActorId, string? FirstName, string? LastName, string? Locale) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            When(c => c.FirstName is not null, () => RuleFor(c => c.FirstName!).PersonName());
            When(c => c.LastName is not null, () => RuleFor(c => c.LastName!).PersonName());
            RuleFor(c => c.Locale).Locale();
        }
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        private const string Sql = """
            UPDATE users
               SET first_name = coalesce(@FirstName, first_name),
                   last_name = coalesce(@LastName, last_name),
                   locale = coalesce(@Locale, locale),
                   updated_at = now()
             WHERE id = @ActorId;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            var rows = await connection.ExecuteAsync(new CommandDefinition(Sql,
                new { c.ActorId, FirstName = c.FirstName?.Trim(), LastName = c.LastName?.Trim(), c.Locale }, cancellationToken: ct));
            return rows == 0 ? throw new NotFoundException() : Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPatch("/", async (Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            var actor = user.UserId();
            await sender.Send(new Command(actor, body.FirstName, body.LastName, body.Locale), ct);
            return await sender.Send(new GetMe.Query(actor), ct);
        })
        .WithName(nameof(UpdateMe))
        .WithSummary("Change your first name, last name or language.")
        .ProducesProblems(400, 401);
}
