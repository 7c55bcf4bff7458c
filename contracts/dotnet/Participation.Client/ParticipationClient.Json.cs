using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Participation.Client;

public partial class ParticipationClient
{
    /// <summary>
    /// Enums travel as their wire names ("idea.status_changed", "projects:read"), also inside arrays: NSwag puts a string
    /// converter on enum properties but not on collections of enums (its "TODO(system.text.json)"), which would send
    /// numbers and fail to read lists such as a webhook's event types. One converter for the whole client honours the
    /// generated <c>JsonStringEnumMemberName</c> names everywhere.
    /// </summary>
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new WireEnumConverter());
}

/// <summary>
/// Reads and writes the API's enums by their wire names. A value this version of the package does not know — the API
/// adds values to its extensible enums (event types, audit subjects, scopes, notification categories...) in minor
/// versions — reads as <see cref="WireEnum.Unknown{T}"/> instead of failing the whole answer.
/// </summary>
public sealed class WireEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName = [];
    private static readonly Dictionary<T, string> ByValue = [];

    static WireEnumConverter()
    {
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (T)field.GetValue(null)!;
            var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            ByName[name] = value;
            ByValue[value] = name;
        }
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => ByName.TryGetValue(reader.GetString()!, out var value) ? value : WireEnum.Unknown<T>(),
            JsonTokenType.Number => (T)Enum.ToObject(typeof(T), reader.GetInt32()),
            _ => throw new JsonException($"Expected a {typeof(T).Name} as a string."),
        };

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(
            ByValue.TryGetValue(value, out var name) ? name : throw new JsonException($"{value} is not a known {typeof(T).Name}.")
        );
}

/// <summary>Creates <see cref="WireEnumConverter{T}"/> for every enum (the client's default settings).</summary>
public sealed class WireEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>Unknown enum values (added to the API after this package was built).</summary>
public static class WireEnum
{
    /// <summary>What a value this package does not know reads as: the enum's value -1, which no member has.</summary>
    public static T Unknown<T>()
        where T : struct, Enum => (T)Enum.ToObject(typeof(T), -1);

    /// <summary>Whether <paramref name="value"/> came from the API as a value this package does not know.</summary>
    public static bool IsUnknown<T>(T value)
        where T : struct, Enum => !Enum.IsDefined(value);
}
