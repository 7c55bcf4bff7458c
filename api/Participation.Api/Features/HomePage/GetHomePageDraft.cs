namespace Participation.Api.Features.HomePage;

/// <summary>The home page's draft in one language, with its version (admins and communication managers).</summary>
public static class GetHomePageDraft
{
    public sealed record Query(Guid ActorId, HomePageLanguage? Language) : IQuery<HomePageDraft>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Language).RequiredLanguage();
    }

    /// <summary>The query string: the language (fr, nl or en; one the platform has enabled).</summary>
    public sealed record QueryString([property: QueryEnum<HomePageLanguage>] string? Language);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, HomePageDraft>
    {
        public async ValueTask<HomePageDraft> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await HomePageAccess.RequireEditorAsync(connection, q.ActorId, ct);
            var language = q.Language!.Value.ToWire();
            await HomePageAccess.RequireEnabledAsync(connection, language, ct);
            return HomePageStore.Draft(language, await HomePageStore.ReadAsync(connection, null, language, forUpdate: false, ct));
        }
    }

    [EndpointSummary("The home page's draft in a language, with its version (admins and communication managers).")]
    public static ValueTask<HomePageDraft> Endpoint([AsParameters] QueryString q, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId, WireEnum.FromQuery<HomePageLanguage>(q.Language)), ct);
}
