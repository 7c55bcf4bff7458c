using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Participation.Api.Infrastructure.Enums;

/// <summary>
/// Closed sets are C# enums that travel as their wire names: snake_case of the member
/// (<c>UnderConsideration</c> → <c>under_consideration</c>) unless <see cref="JsonStringEnumMemberNameAttribute"/> says otherwise.
/// The same name is used in JSON, in the OpenAPI document, in query strings and in the database's text columns.
/// </summary>
public static class WireEnum<T>
    where T : struct, Enum
{
    public static readonly FrozenDictionary<T, string> Names = Enum.GetValues<T>()
        .ToFrozenDictionary(v => v, v => NameOf(typeof(T), v.ToString()));
    public static readonly FrozenDictionary<string, T> Values = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every wire name, in declaration order.</summary>
    public static readonly string[] All = Enum.GetValues<T>().Select(v => Names[v]).ToArray();

    /// <summary>
    /// What an unknown wire name reads as: a value no member has, so the validator of the message reports the field
    /// (with its own message) instead of the JSON reader failing on the first one.
    /// </summary>
    public static readonly T Unknown = (T)Enum.ToObject(typeof(T), int.MinValue);

    internal static string NameOf(Type type, string member) =>
        type.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member);
}

public static class WireEnum
{
    /// <summary>The value's wire name; an undefined value is a programming error.</summary>
    public static string ToWire<T>(this T value)
        where T : struct, Enum =>
        WireEnum<T>.Names.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name}.");

    public static bool TryParse<T>(string? wire, out T value)
        where T : struct, Enum
    {
        if (wire is not null && WireEnum<T>.Values.TryGetValue(wire, out value))
            return true;
        value = default;
        return false;
    }

    /// <summary>The member for a wire name (from the database or an already validated query string).</summary>
    public static T Parse<T>(string wire)
        where T : struct, Enum =>
        TryParse<T>(wire, out var value) ? value : throw new FormatException($"'{wire}' is not a {typeof(T).Name}.");

    /// <summary>Text read from the database as its member (Dapper cannot: it parses enums by member name).</summary>
    public static T ToEnum<T>(this string wire)
        where T : struct, Enum => Parse<T>(wire);

    /// <summary>Null stays null; otherwise <see cref="Parse{T}"/>.</summary>
    public static T? ToEnumOrNull<T>(this string? wire)
        where T : struct, Enum => wire is null ? null : Parse<T>(wire);

    /// <summary>Null stays null; otherwise the wire name.</summary>
    public static string? ToWire<T>(this T? value)
        where T : struct, Enum => value is { } v ? v.ToWire() : null;

    /// <summary>
    /// A query-string value as the message carries it: null stays null, an unknown name becomes
    /// <see cref="WireEnum{T}.Unknown"/> for the validator to report (<c>IsInEnum()</c>), as in JSON bodies.
    /// </summary>
    public static T? FromQuery<T>(string? wire)
        where T : struct, Enum =>
        wire is null ? null
        : WireEnum<T>.Values.TryGetValue(wire, out var value) ? value
        : WireEnum<T>.Unknown;
}

/// <summary>
/// Documents a query-string parameter bound as text as the enum <typeparamref name="T"/> in the contract: on an
/// endpoint's parameter, or on a property of its <c>[AsParameters]</c> query string.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class QueryEnumAttribute<T> : Attribute, IQueryEnum
    where T : struct, Enum
{
    public Type EnumType => typeof(T);
}

public interface IQueryEnum
{
    Type EnumType { get; }
}

/// <summary>Reads and writes every enum by its wire name; numbers are refused.</summary>
public sealed class WireEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? Lookup(reader.GetString()!)
                : throw new JsonException($"Expected one of: {string.Join(", ", WireEnum<T>.All)}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToWire());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            WireEnum<T>.Values.TryGetValue(reader.GetString()!, out var value)
                ? value
                : throw new JsonException($"Expected one of: {string.Join(", ", WireEnum<T>.All)}.");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToWire());

        private static T Lookup(string wire) => WireEnum<T>.Values.TryGetValue(wire, out var value) ? value : WireEnum<T>.Unknown;
    }
}
