using System.Text.Json.Serialization;
using FluentValidation.Results;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.HomePage;

/// <summary>
/// Admins and communication managers save the home page's draft in one language (audited: home_page.updated). Pinned
/// projects must be published, the banner image one uploaded through the image upload. The save names the version it
/// read (0 before the first save): a stale one is refused (409).
/// </summary>
public static class UpdateHomePage
{
    public sealed record Request([property: JsonRequired] int Version, HomePageLanguage? Language, HomeLayout? Layout);

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
                    RuleFor(c => c.Body.Version).GreaterThanOrEqualTo(0).OverridePropertyName("version");
                    RuleFor(c => c.Body.Language).RequiredLanguage().OverridePropertyName("language");
                    RuleFor(c => c.Body.Layout).NotNull().WithMessage(_ => Messages.Get("required")).OverridePropertyName("layout");
                    RuleFor(c => c.Body.Layout!)
                        .SetValidator(new HomeLayoutRules())
                        .When(c => c.Body.Layout is not null)
                        .OverridePropertyName("layout");
                }
            );
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, HomePageDraft>
    {
        private const string CheckSql = """
            SELECT (SELECT count(*) FROM projects WHERE id = ANY(@Pinned) AND status = 'published') AS pinned,
                   @Key::text IS NULL OR EXISTS (SELECT 1 FROM media WHERE key = @Key) AS image;
            """;

        private const string SaveSql = """
            INSERT INTO home_pages (language, draft, version, updated_by, updated_at)
            VALUES (@Language, @Draft::jsonb, 1, @ActorId, now())
            ON CONFLICT (city_id, language) DO UPDATE
               SET draft = excluded.draft, version = home_pages.version + 1, updated_by = excluded.updated_by, updated_at = now();
            """;

        private sealed record Check(long Pinned, bool Image);

        public async ValueTask<HomePageDraft> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await HomePageAccess.RequireEditorAsync(connection, c.ActorId, ct);
            var language = c.Body.Language!.Value.ToWire();
            await HomePageAccess.RequireEnabledAsync(connection, language, ct);
            var layout = HomeLayouts.Clean(c.Body.Layout!);
            var check = await connection.QuerySingleAsync<Check>(
                new CommandDefinition(
                    CheckSql,
                    new { Pinned = layout.PinnedProjectIds.ToArray(), Key = layout.Banner.ImageKey },
                    cancellationToken: ct
                )
            );
            var failures = new List<ValidationFailure>();
            if (check.Pinned != layout.PinnedProjectIds.Count)
                failures.Add(new("layout.pinnedProjectIds", Messages.Get("home_pinned_unknown")));
            if (!check.Image)
                failures.Add(new("layout.banner.imageKey", Messages.Get("home_image_unknown")));
            if (failures.Count > 0)
                throw new ValidationException(failures);

            await using var tx = await connection.BeginTransactionAsync(ct);
            var before = await HomePageStore.ReadAsync(connection, tx, language, forUpdate: true, ct);
            if ((before?.Version ?? 0) != c.Body.Version)
                throw new ConflictException(Messages.Get("home_page_stale"), "version");
            var json = HomeLayouts.ToJson(layout);
            if (before is not null && HomePageStore.SameJson(before.Draft, json))
                return HomePageStore.Draft(language, before); // nothing changed: no new version, no event

            await connection.ExecuteAsync(
                new CommandDefinition(
                    SaveSql,
                    new
                    {
                        Language = language,
                        Draft = json,
                        c.ActorId,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                EventType.HomePageUpdated,
                Actor.User(c.ActorId),
                $"home:{language}",
                Scope.Platform,
                before: before is null ? null : HomePageStore.Audit(HomeLayouts.FromJson(before.Draft)),
                after: HomePageStore.Audit(layout),
                data: new { language },
                ct
            );
            var saved = await HomePageStore.ReadAsync(connection, tx, language, forUpdate: false, ct);
            await tx.CommitAsync(ct);
            return HomePageStore.Draft(language, saved);
        }
    }

    [EndpointSummary("Save the home page's draft in a language (admins and communication managers; audited). A stale version is a 409.")]
    public static ValueTask<HomePageDraft> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, body), ct);
}
