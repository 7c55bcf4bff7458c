using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Exports;

/// <summary>
/// Staff ask for an export of their scope's data; it is queued and written in the background (GET /exports/{id} shows its
/// progress, GET /exports/{id}/file gives the file once ready). Scope: <c>project</c> (with its id), <c>department</c>
/// (its published and archived projects) or <c>platform</c>; the period (<c>from</c> included, <c>to</c> excluded) applies
/// to each row's own date. Headers are in the caller's language (Accept-Language). Columns:
/// <c>ideas</c>: id, date, project, title, status, author, on behalf of (organisation), topics, likes, dislikes, comments,
/// cost, latitude, longitude, place, withdrawn, hidden, first official answer, text (plain);
/// <c>comments</c>: id, date, project, idea id, idea, reply to, author, on behalf of, text (none once deleted), edited,
/// deleted, hidden;
/// <c>reactions</c>: date, project, idea id, idea, participant (pseudonym), reaction (like, dislike);
/// <c>votes</c>: date, project, phase, idea id, idea, participant (pseudonym);
/// <c>baskets</c>: submitted baskets, one row per line: basket id, submitted, project, phase, participant (pseudonym),
/// idea id, idea, cost;
/// <c>survey_responses</c>: response id, submitted, project, survey, then one column per question of each survey or poll;
/// <c>participants</c>: the people who took part (posted an idea or a comment, reacted, voted, submitted a basket or a
/// response), by name: last name, first name, e-mail (admins only), their count of each, all actions, first and last.
/// A pseudonym is the same on every row of one file and differs between files. Instants are UTC.
/// </summary>
public static class RequestExport
{
    public sealed record Request(
        [property: JsonRequired] ExportKind Kind,
        [property: JsonRequired] ExportFormat Format,
        [property: JsonRequired] ScopeType ScopeType,
        Guid? ScopeId,
        DateTimeOffset? From,
        DateTimeOffset? To
    );

    public sealed record Command(
        Guid ActorId,
        ExportKind Kind,
        ExportFormat Format,
        ScopeType ScopeType,
        Guid? ScopeId,
        DateTimeOffset? From,
        DateTimeOffset? To,
        string Language
    ) : ICommand<Export>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => Messages.Get("export_kind"));
            RuleFor(c => c.Format).IsInEnum().WithMessage(_ => Messages.Get("export_format"));
            RuleFor(c => c.ScopeType).IsInEnum().WithMessage(_ => Messages.Get("export_scope_type"));
            RuleFor(c => c.ScopeId)
                .Must((c, id) => !Enum.IsDefined(c.ScopeType) || (c.ScopeType == ScopeType.Platform) == (id is null))
                .WithMessage(_ => Messages.Get("export_scope_id"));
            RuleFor(c => c.To)
                .Must((c, to) => c.From is not { } from || to is not { } end || end > from)
                .WithMessage(_ => Messages.Get("audit_period"));
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events, IOptions<ExportOptions> options) : ICommandHandler<Command, Export>
    {
        // One person's requests are taken one at a time (a transaction-scoped lock on their id), so the limit holds under
        // parallel requests.
        private const string ActiveSql = """
            SELECT pg_advisory_xact_lock(hashtextextended('exports:' || @ActorId::text, 0));
            SELECT count(*) FROM exports WHERE requested_by = @ActorId AND status IN ('queued', 'running');
            """;

        private const string InsertSql = """
            INSERT INTO exports (id, requested_by, kind, format, scope_type, scope_id, period_from, period_to, language)
            VALUES (@Id, @ActorId, @Kind, @Format, @ScopeType, @ScopeId, @From, @To, @Language);
            """;

        public async ValueTask<Export> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await ExportAccess.RequireAsync(connection, c.ActorId, c.ScopeType, c.ScopeId, null, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            long active;
            await using (
                var grid = await connection.QueryMultipleAsync(
                    new CommandDefinition(ActiveSql, new { c.ActorId }, tx, cancellationToken: ct)
                )
            )
            {
                await grid.ReadAsync();
                active = await grid.ReadSingleAsync<long>();
            }
            if (active >= options.Value.MaxActivePerPerson)
                throw new ConflictException(Messages.Get("export_limit", options.Value.MaxActivePerPerson));
            var id = Guid.CreateVersion7();
            var (from, to) = (c.From?.UtcDateTime, c.To?.UtcDateTime);
            await connection.ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        c.ActorId,
                        Kind = c.Kind.ToWire(),
                        Format = c.Format.ToWire(),
                        ScopeType = c.ScopeType.ToWire(),
                        c.ScopeId,
                        From = from,
                        To = to,
                        c.Language,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            // Nothing of the platform's data changes: the request itself (who asks for which data of which scope) is audited.
            await events.RecordAsync(
                tx,
                EventType.ExportRequested,
                Actor.User(c.ActorId),
                id,
                c.ScopeType switch
                {
                    ScopeType.Project => Scope.Project(c.ScopeId!.Value),
                    ScopeType.Department => Scope.Department(c.ScopeId),
                    _ => Scope.Platform,
                },
                data: new
                {
                    kind = c.Kind.ToWire(),
                    format = c.Format.ToWire(),
                    scopeType = c.ScopeType.ToWire(),
                    scopeId = c.ScopeId,
                    from,
                    to,
                    language = c.Language,
                },
                ct: ct
            );
            var export = await ExportReader.ReadOwnAsync(connection, id, c.ActorId, c.Language, tx, ct);
            await tx.CommitAsync(ct);
            return export;
        }
    }

    [EndpointSummary("Ask for an export of a scope's data as CSV or XLSX, written in the background (staff of the scope; audited).")]
    public static async Task<Accepted<Export>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var export = await sender.Send(
            new Command(caller.UserId, body.Kind, body.Format, body.ScopeType, body.ScopeId, body.From, body.To, RequestLanguage.Current),
            ct
        );
        return TypedResults.Accepted($"/api/v1/exports/{export.Id}", export);
    }
}
