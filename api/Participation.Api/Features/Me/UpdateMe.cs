using Participation.Api.Features.Events;

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

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command>
    {
        // The account is locked first: "old" is what this change replaced.
        private const string Sql = """
            UPDATE users u
               SET first_name = coalesce(@FirstName, u.first_name),
                   last_name = coalesce(@LastName, u.last_name),
                   locale = coalesce(@Locale, u.locale),
                   updated_at = now()
              FROM (SELECT id, first_name, last_name, locale FROM users WHERE id = @ActorId FOR UPDATE) old
             WHERE u.id = old.id
            RETURNING old.first_name AS old_first_name, old.last_name AS old_last_name, old.locale AS old_locale, u.first_name, u.last_name,
                   u.locale;
            """;

        private sealed record Row(
            string OldFirstName,
            string OldLastName,
            string OldLocale,
            string FirstName,
            string LastName,
            string Locale
        );

        public async ValueTask<Unit> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.ActorId,
                        FirstName = c.FirstName?.Trim(),
                        LastName = c.LastName?.Trim(),
                        c.Locale,
                    },
                    tx,
                    cancellationToken: ct
                )
            ) ?? throw new NotFoundException();
            // Names and language only (this slice changes nothing else); the same values again record nothing.
            if (
                Changes.Of(
                    ("firstName", row.OldFirstName, row.FirstName),
                    ("lastName", row.OldLastName, row.LastName),
                    ("locale", row.OldLocale, row.Locale)
                ) is
                { } diff
            )
                await events.RecordAsync(
                    tx,
                    EventType.UserProfileEdited,
                    Actor.User(c.ActorId),
                    c.ActorId,
                    Scope.Platform,
                    diff.Before,
                    diff.After,
                    ct: ct
                );
            await tx.CommitAsync(ct);
            return Unit.Value;
        }
    }

    [EndpointSummary("Change your first name, last name or language.")]
    public static async Task<GetMe.Response> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var actor = caller.UserId;
        await sender.Send(new Command(actor, body.FirstName, body.LastName, body.Locale), ct);
        return await sender.Send(new GetMe.Query(actor), ct);
    }
}
