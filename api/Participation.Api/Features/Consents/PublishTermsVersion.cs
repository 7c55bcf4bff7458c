using System.Text.Json.Serialization;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Consents;

/// <summary>
/// An admin publishes a new version of the terms of use (after changing the terms page in substance): from then on,
/// registering accepts it and signed-in people are asked to accept it. A version number used before is refused (409).
/// Audited (platform.terms_version_published).
/// </summary>
public static class PublishTermsVersion
{
    public sealed record Request([property: JsonRequired] string Version);

    public sealed record Command(Guid ActorId, string Version) : ICommand<GetCurrentTerms.Response>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Version).Cascade(CascadeMode.Stop).NotEmpty().WithMessage(_ => Messages.Get("required")).TermsVersion();
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, GetCurrentTerms.Response>
    {
        // The previous latest is read in the same statement; clock_timestamp keeps a later publication later.
        private const string Sql = """
            INSERT INTO terms_versions (version, published_at) VALUES (@Version, clock_timestamp())
            ON CONFLICT (city_id, version) DO NOTHING
            RETURNING published_at;
            """;

        public async ValueTask<GetCurrentTerms.Response> Handle(Command c, CancellationToken ct)
        {
            var version = c.Version.Trim();
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, c.ActorId, tx, ct))
                throw new ForbiddenException();
            var previous = await ConsentRecords.CurrentTermsVersionAsync(connection, tx, ct);
            var publishedAt = await connection.QuerySingleOrDefaultAsync<DateTime?>(
                new CommandDefinition(Sql, new { Version = version }, tx, cancellationToken: ct)
            );
            if (publishedAt is null)
                throw new ConflictException(Messages.Get("terms_version_exists"), "version");
            await events.RecordAsync(
                tx,
                EventType.TermsVersionPublished,
                Actor.User(c.ActorId),
                "terms",
                Scope.Platform,
                before: new { version = previous },
                after: new { version },
                ct: ct
            );
            await tx.CommitAsync(ct);
            return new GetCurrentTerms.Response(version, publishedAt.Value.AsUtc());
        }
    }

    [EndpointSummary("Publish a new version of the terms of use (admins); signed-in people are then asked to accept it.")]
    public static async Task<Created<GetCurrentTerms.Response>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var response = await sender.Send(new Command(caller.UserId, body.Version), ct);
        return TypedResults.Created("/api/v1/consents/terms", response);
    }
}
