namespace Participation.Api.Features.Geocoding;

/// <summary>
/// Addresses matching what a signed-in person typed, from the configured geocoder, in their language. Only for people
/// signed in (and rate-limited), so the platform is no open proxy to the service. Not configured or not answering: a 503.
/// </summary>
public static class SearchAddresses
{
    public const int MinLength = 3;
    public const int MaxLength = 200;

    /// <summary>The query string: the text to look for and the language of the answers (the request's by default).</summary>
    public sealed record QueryString(string? Q, string? Language);

    public sealed record Query(string Text, string? Language) : IQuery<Response>;

    public sealed record Response(IReadOnlyList<GeocodedPlace> Places);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Text)
                .Must(t => !string.IsNullOrWhiteSpace(t))
                .WithMessage(_ => Messages.Get("required"))
                .Must(t => string.IsNullOrWhiteSpace(t) || t.Trim().Length is >= MinLength and <= MaxLength)
                .WithMessage(_ => Messages.Get("address_query_length"))
                .SingleLine()
                .OverridePropertyName("q");
            RuleFor(q => q.Language).Locale();
        }
    }

    public sealed class Handler(Geocoder geocoder) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct) =>
            new(await geocoder.SearchAsync(q.Text.Trim(), q.Language ?? RequestLanguage.Current, ct));
    }

    [EndpointSummary("Addresses matching a text, from the city's address search service (503 when none is configured or it is down).")]
    public static ValueTask<Response> Endpoint([AsParameters] QueryString q, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(q.Q ?? "", q.Language), ct);
}
