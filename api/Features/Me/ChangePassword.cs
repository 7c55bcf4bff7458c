using Dapper;
using FluentValidation;
using Mediator;
using Npgsql;
using Participation.Api.Infrastructure.Auth;
using Participation.Api.Infrastructure.Errors;
using Participation.Api.Infrastructure.OpenApi;
using Participation.Api.Infrastructure.Validation;

namespace Participation.Api.Features.Me;

/// <summary>Changes the password (the current one is required); every refresh token of the account is revoked.</summary>
public static class ChangePassword
{
    public sealed record Request(string CurrentPassword, string NewPassword);

    public sealed record Command(Guid ActorId, string CurrentPassword, string NewPassword) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).RequiredText(Passwords.MaxLength);
            RuleFor(c => c.NewPassword).NewPassword();
        }
    }

    public sealed class Handler(NpgsqlDataSource db) : ICommandHandler<Command>
    {
        private const string Current = "SELECT password_hash FROM users WHERE id = @ActorId FOR UPDATE;";

        private const string Change = """
            UPDATE users SET password_hash = @Hash, updated_at = now() WHERE id = @ActorId;
            UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = @ActorId AND revoked_at IS NULL;
            """;

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var hash = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Current, c, tx, cancellationToken: ct))
                ?? throw new NotFoundException();
            if (!Passwords.Verify(hash, c.CurrentPassword))
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.CurrentPassword), Messages.Get("current_password_wrong"))]);
            await connection.ExecuteAsync(new CommandDefinition(Change, new { c.ActorId, Hash = Passwords.Hash(c.NewPassword) }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    public static RouteHandlerBuilder Map(RouteGroupBuilder g) => g
        .MapPost("/password", async (Request body, System.Security.Claims.ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
        {
            await sender.Send(new Command(user.UserId(), body.CurrentPassword, body.NewPassword), ct);
            return TypedResults.NoContent();
        })
        .WithName(nameof(ChangePassword))
        .WithSummary("Change your password; you are logged out everywhere else.")
        .ProducesProblems(400, 401);
}
