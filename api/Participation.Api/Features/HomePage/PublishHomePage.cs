using System.Text.Json.Serialization;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.HomePage;

/// <summary>
/// Admins and communication managers publish the home page's draft in one language: everyone then sees it (audited:
/// home_page.published). The publication names the version it read: a stale one, or a draft never saved, is a 409.
/// </summary>
public static class PublishHomePage
{
    public sealed record Request([property: JsonRequired] int Version, HomePageLanguage? Language);

    public sealed record Command(Guid ActorId, Request Body) : ICommand<HomePageDraft>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required"));
            When(
                c => c.Body is not null,
                () =>
                {
                    RuleFor(c => c.Body.Version).GreaterThanOrEqualTo(1).OverridePropertyName("version");
                    RuleFor(c => c.Body.Language).RequiredLanguage().OverridePropertyName("language");
                }
            );
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, HomePageDraft>
    {
        private const string Sql = """
            UPDATE home_pages SET published = draft, published_at = now(), version = version + 1, updated_by = @ActorId,
                   updated_at = now()
             WHERE language = @Language;
            """;

        public async ValueTask<HomePageDraft> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await HomePageAccess.RequireEditorAsync(connection, c.ActorId, ct);
            var language = c.Body.Language!.Value.ToWire();
            await HomePageAccess.RequireEnabledAsync(connection, language, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var before = await HomePageStore.ReadAsync(connection, tx, language, forUpdate: true, ct);
            if (before is null || before.Version != c.Body.Version)
                throw new ConflictException(Messages.Get("home_page_stale"), "version");
            await connection.ExecuteAsync(new CommandDefinition(Sql, new { Language = language, c.ActorId }, tx, cancellationToken: ct));
            await events.RecordAsync(
                tx,
                EventType.HomePagePublished,
                Actor.User(c.ActorId),
                $"home:{language}",
                Scope.Platform,
                before: before.Published is null ? null : HomePageStore.Audit(HomeLayouts.FromJson(before.Published)),
                after: HomePageStore.Audit(HomeLayouts.FromJson(before.Draft)),
                data: new { language },
                ct
            );
            var saved = await HomePageStore.ReadAsync(connection, tx, language, forUpdate: false, ct);
            await tx.CommitAsync(ct);
            return HomePageStore.Draft(language, saved);
        }
    }

    [EndpointSummary("Publish the home page's draft in a language (admins and communication managers; audited). A stale version is a 409.")]
    public static ValueTask<HomePageDraft> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body), ct);
}
