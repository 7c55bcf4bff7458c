namespace Participation.Client;

public partial class ParticipationClient
{
    /// <summary>
    /// Enums travel as their wire names ("idea.status_changed", "projects:read"), also inside arrays: NSwag puts a string
    /// converter on enum properties but not on collections of enums (its "TODO(system.text.json)"), which would send
    /// numbers and fail to read lists such as a webhook's event types. One converter for the whole client honours the
    /// generated <c>JsonStringEnumMemberName</c> names everywhere.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) =>
        settings.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
}
