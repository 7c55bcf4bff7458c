namespace Participation.Api.Features.Geocoding;

/// <summary>
/// The address at a point (a map click, the person's position), from the configured geocoder; a 404 when it knows none
/// there (the point stays, without an address). Signed-in people only, rate-limited; not configured or down: a 503.
/// </summary>
public static class ReverseGeocode
{
    public sealed record QueryString(double? Latitude, double? Longitude, string? Language);

    public sealed record Query(double? Latitude, double? Longitude, string? Language) : IQuery<GeocodedPlace>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Latitude)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .InclusiveBetween(-90, 90)
                .WithMessage(_ => Messages.Get("latitude_range"));
            RuleFor(q => q.Longitude)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .InclusiveBetween(-180, 180)
                .WithMessage(_ => Messages.Get("longitude_range"));
            RuleFor(q => q.Language).Locale();
        }
    }

    public sealed class Handler(Geocoder geocoder) : IQueryHandler<Query, GeocodedPlace>
    {
        public async ValueTask<GeocodedPlace> Handle(Query q, CancellationToken ct) =>
            await geocoder.ReverseAsync(q.Latitude!.Value, q.Longitude!.Value, q.Language ?? RequestLanguage.Current, ct)
            ?? throw new NotFoundException("No address is known at this point.");
    }

    [EndpointSummary("The address at a point, from the city's address search service (503 when none is configured or it is down).")]
    public static ValueTask<GeocodedPlace> Endpoint([AsParameters] QueryString q, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(q.Latitude, q.Longitude, q.Language), ct);
}
