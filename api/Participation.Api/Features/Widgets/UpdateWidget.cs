using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Widgets;

/// <summary>Admins, IT and communication managers replace a widget's settings (absent optional fields take their defaults).</summary>
public static class UpdateWidget
{
    public sealed record Command(Guid ActorId, Guid Id, WidgetSettings Settings, WidgetLinks Links)
        : WidgetSettingsMessage(Settings),
            ICommand<Widget>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new WidgetSettingsRules<Command>());
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Widget>
    {
        private const string ReadSql = $"SELECT {Embedding.Columns} FROM widgets WHERE id = @Id FOR UPDATE;";

        private const string Sql = $"""
            UPDATE widgets SET name = @Name, selection = @Selection, project_ids = @ProjectIds, max_items = @MaxItems,
                   language = @Language, accent_colour = @AccentColour, text_colour = @TextColour,
                   background_colour = @BackgroundColour, layout = @Layout, width = @Width, height = @Height,
                   allowed_origins = @AllowedOrigins, updated_at = now()
             WHERE id = @Id
            RETURNING {Embedding.Columns};
            """;

        public async ValueTask<Widget> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await WidgetAccess.RequireStaffAsync(connection, c.ActorId, ct);
            var settings = WidgetRules.Normalise(c);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var previous = await connection.QuerySingleOrDefaultAsync<Embedding.Row>(
                new CommandDefinition(ReadSql, new { c.Id }, tx, cancellationToken: ct)
            ) ?? throw new NotFoundException();
            await WidgetAccess.RequireKnownProjectsAsync(connection, tx, settings.ProjectIds, ct);
            var before = previous.Settings().Fields();
            var after = settings.Fields();
            // Nothing changed: nothing written, nothing recorded.
            if (Changes.Of(before.Zip(after, (b, a) => (b.Field, b.Value, a.Value)).ToArray()) is not { } diff)
                return previous.ToWidget(c.Links);
            var row = await connection.QuerySingleAsync<Embedding.Row>(
                new CommandDefinition(Sql, Embedding.Parameters(c.Id, settings), tx, cancellationToken: ct)
            );
            await events.RecordAsync(
                tx,
                EventType.WidgetEdited,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                diff.Before,
                diff.After,
                new { name = settings.Name, fields = diff.After.Keys.ToArray() },
                ct
            );
            await tx.CommitAsync(ct);
            return row.ToWidget(c.Links);
        }
    }

    [EndpointSummary("Replace a widget's settings (admins, IT and communication managers).")]
    public static ValueTask<Widget> Endpoint(
        Guid id,
        WidgetSettings body,
        Caller caller,
        HttpRequest request,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Command(caller.UserId, id, body, WidgetLinks.For(request, addresses)), ct);
}
