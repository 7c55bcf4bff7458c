using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Widgets;

/// <summary>Admins, IT and communication managers create a widget for the city's website.</summary>
public static class CreateWidget
{
    public sealed record Command(Guid ActorId, WidgetSettings Settings, WidgetLinks Links)
        : WidgetSettingsMessage(Settings),
            ICommand<Widget>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new WidgetSettingsRules<Command>());
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Widget>
    {
        private const string Sql = $"""
            INSERT INTO widgets (id, name, selection, project_ids, max_items, language, accent_colour, text_colour, background_colour,
                                 layout, width, height, allowed_origins, created_by)
            VALUES (@Id, @Name, @Selection, @ProjectIds, @MaxItems, @Language, @AccentColour, @TextColour, @BackgroundColour,
                    @Layout, @Width, @Height, @AllowedOrigins, @ActorId)
            RETURNING {Embedding.Columns};
            """;

        public async ValueTask<Widget> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await WidgetAccess.RequireStaffAsync(connection, c.ActorId, ct);
            var settings = WidgetRules.Normalise(c);
            var id = Guid.CreateVersion7();
            await using var tx = await connection.BeginTransactionAsync(ct);
            await WidgetAccess.RequireKnownProjectsAsync(connection, tx, settings.ProjectIds, ct);
            var parameters = new DynamicParameters(Embedding.Parameters(id, settings));
            parameters.Add("ActorId", c.ActorId);
            var row = await connection.QuerySingleAsync<Embedding.Row>(new CommandDefinition(Sql, parameters, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.WidgetCreated,
                Actor.User(c.ActorId),
                id,
                Scope.Platform,
                before: null,
                after: settings.Fields().ToDictionary(f => f.Field, f => f.Value),
                data: new { name = settings.Name },
                ct
            );
            await tx.CommitAsync(ct);
            return row.ToWidget(c.Links);
        }
    }

    [EndpointSummary("Create a widget for the city's website (admins, IT and communication managers).")]
    public static async Task<Created<Widget>> Endpoint(
        WidgetSettings body,
        Caller caller,
        HttpRequest request,
        CityAddresses addresses,
        ISender sender,
        CancellationToken ct
    )
    {
        var created = await sender.Send(new Command(caller.UserId, body, WidgetLinks.For(request, addresses)), ct);
        return TypedResults.Created($"/api/v1/widgets/{created.Id}", created);
    }
}
