using Microsoft.Extensions.Options;
using Participation.Api.Features.Geocoding;
using Participation.Api.Features.Grants;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Platform;

/// <summary>Everything an admin edits, as stored (null: the configuration's default, given beside it), with its version.</summary>
public static class GetPlatformSettings
{
    public sealed record Query(Guid ActorId) : IQuery<Response>;

    /// <summary>What applies when a map or sender value is left empty (the server's configuration).</summary>
    public sealed record Defaults(GetPlatform.MapSettings Map, string EmailFromName, string EmailFromAddress);

    /// <summary>
    /// The settings; <c>version</c> is sent back with the next save (a stale one is refused with 409).
    /// <c>inactiveAccountRetentionMonths</c> (null: off) is set on its own, with <c>PUT /platform/settings/account-retention</c>.
    /// </summary>
    public sealed record Response(
        int Version,
        string Name,
        IReadOnlyList<string> Languages,
        string DefaultLanguage,
        string PrimaryColour,
        string TextOnPrimaryColour,
        string? LogoUrl,
        string? FaviconUrl,
        double? MapLatitude,
        double? MapLongitude,
        int? MapZoom,
        string? MapTileUrl,
        string? MapAttribution,
        string? ContactEmail,
        string? LegalName,
        string? LegalAddress,
        string? EmailFromName,
        string? EmailFromAddress,
        DateTimeOffset UpdatedAt,
        Defaults Defaults,
        int? InactiveAccountRetentionMonths
    );

    public sealed class Handler(CityDb db, IOptions<MapOptions> map, IOptions<EmailOptions> email, IOptions<GeocoderOptions> geocoder)
        : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            if (!await Roles.IsAdminAsync(connection, q.ActorId, null, ct))
                throw new ForbiddenException();
            return Of(await PlatformSettings.ReadAsync(connection, null, false, ct), map.Value, email.Value, geocoder.Value.Configured);
        }
    }

    public static Response Of(PlatformSettings s, MapOptions m, EmailOptions e, bool addressSearch) =>
        new(
            s.Version,
            s.Name,
            s.Languages,
            s.DefaultLanguage,
            s.PrimaryColour,
            s.TextOnPrimaryColour,
            s.LogoUrl,
            s.FaviconUrl,
            s.MapLatitude,
            s.MapLongitude,
            s.MapZoom,
            s.MapTileUrl,
            s.MapAttribution,
            s.ContactEmail,
            s.LegalName,
            s.LegalAddress,
            s.EmailFromName,
            s.EmailFromAddress,
            new(DateTime.SpecifyKind(s.UpdatedAt, DateTimeKind.Utc)),
            new Defaults(
                new GetPlatform.MapSettings(m.TileUrl, m.Attribution, m.Latitude, m.Longitude, m.Zoom, addressSearch),
                e.FromName,
                e.FromAddress
            ),
            s.InactiveAccountRetentionMonths
        );

    [EndpointSummary("The platform settings and branding as admins edit them (admins).")]
    public static ValueTask<Response> Endpoint(Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Query(caller.UserId), ct);
}
