namespace Participation.Api.Features.HomePage;

/// <summary>
/// The home page's draft in one language rendered with the same content as the public page (admins and communication
/// managers), so its editors see it before publishing.
/// </summary>
public static class PreviewHomePage
{
    public sealed record Query(Guid ActorId, HomePageLanguage? Language) : IQuery<HomePageView>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Language).RequiredLanguage();
    }

    public sealed class Handler(CityDb db, TimeProvider clock) : IQueryHandler<Query, HomePageView>
    {
        public async ValueTask<HomePageView> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await HomePageAccess.RequireEditorAsync(connection, q.ActorId, ct);
            var language = q.Language!.Value.ToWire();
            await HomePageAccess.RequireEnabledAsync(connection, language, ct);
            var row = await HomePageStore.ReadAsync(connection, null, language, forUpdate: false, ct);
            return await HomePageContent.BuildAsync(
                connection,
                language,
                HomePageSource.Draft,
                HomePageStore.DraftLayout(language, row),
                row?.PublishedAt.AsUtc(),
                clock,
                ct
            );
        }
    }

    [EndpointSummary("The home page's draft in a language, rendered with its sections' content (admins and communication managers).")]
    public static ValueTask<HomePageView> Endpoint(
        [AsParameters] GetHomePageDraft.QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserId, WireEnum.FromQuery<HomePageLanguage>(q.Language)), ct);
}
