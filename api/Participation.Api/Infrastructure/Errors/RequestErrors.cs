using System.Text.Json;
using System.Text.RegularExpressions;

namespace Participation.Api.Infrastructure.Errors;

/// <summary>
/// Turns the framework's binding failures (malformed or misshapen JSON, a missing body, a query or route value
/// that does not parse) into the same validation problem as a FluentValidation failure: <c>errors</c> keyed by
/// the JSON path or parameter name, messages in the caller's language, and no framework text or .NET type names
/// (which the exception messages carry) in the answer.
/// </summary>
public static partial class RequestErrors
{
    /// <summary>The key used when the whole body is at fault.</summary>
    public const string Body = "body";

    public static Microsoft.AspNetCore.Http.HttpValidationProblemDetails Describe(BadHttpRequestException b)
    {
        if (b.InnerException is JsonException j)
            return Describe(j);
        // An [AsParameters] query string names its record's property (PascalCase): on the wire, and in errors, it is camelCase.
        // Header names (with a dash) are kept as sent.
        var parameter = ParameterName().Match(b.Message) is { Success: true } m
            ? m.Groups["name"].Value is var name && name.Contains('-')
                ? name
                : ProblemExceptionHandler.Camel(name)
            : null;
        // The quoted parts are the parameter and the value sent: a value such as "nobody" says nothing about the body.
        var fromBody = Quoted().Replace(b.Message, "").Contains("body", StringComparison.OrdinalIgnoreCase);
        var (key, message) = b.Message switch
        {
            _ when fromBody
                    && (
                        b.Message.StartsWith("Required parameter", StringComparison.Ordinal)
                        || b.Message.StartsWith("Implicit body", StringComparison.Ordinal)
                    ) => (Body, Messages.Get("body_required")),
            _ when fromBody => (Body, Messages.Get("invalid_json")),
            _ when b.Message.StartsWith("Required parameter", StringComparison.Ordinal) => (parameter ?? Body, Messages.Get("required")),
            _ => (parameter ?? Body, Messages.Get("invalid_value")),
        };
        return Invalid(key, message);
    }

    public static Microsoft.AspNetCore.Http.HttpValidationProblemDetails Describe(JsonException j)
    {
        var path =
            j.Path is null or "$" ? null
            : j.Path.StartsWith("$.", StringComparison.Ordinal) ? j.Path[2..]
            : j.Path.TrimStart('$');
        if (UnknownProperty().Match(j.Message) is { Success: true } unknown)
        {
            var name = unknown.Groups["name"].Value;
            var key =
                path is null ? name
                : path.EndsWith(name, StringComparison.Ordinal) ? path
                : path + "." + name;
            return Invalid(ProblemExceptionHandler.Camel(key), Messages.Get("unknown_field"));
        }
        if (j is NulCharacterException)
            return Invalid(path ?? Body, Messages.Get("nul_character"));
        // A syntax error (the reader's own exception inside) spoils the whole body; otherwise a value has the wrong shape.
        var syntax =
            j.InnerException?.GetType().Name == "JsonReaderException"
            || j.Message.Contains("depth", StringComparison.OrdinalIgnoreCase)
            || j.Message.Contains("Duplicate", StringComparison.Ordinal);
        return syntax || path is null ? Invalid(Body, Messages.Get("invalid_json")) : Invalid(path, Messages.Get("invalid_value"));
    }

    /// <summary>The one 400 shape: <c>errors</c> by field, parameter, header or body.</summary>
    public static Microsoft.AspNetCore.Http.HttpValidationProblemDetails Invalid(IDictionary<string, string[]> errors) =>
        new(errors) { Status = StatusCodes.Status400BadRequest, Title = "One or more fields are invalid." };

    /// <summary>The one 400 shape for a single field.</summary>
    public static Microsoft.AspNetCore.Http.HttpValidationProblemDetails Invalid(string key, string message) =>
        Invalid(new Dictionary<string, string[]> { [key] = [message] });

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"")]
    private static partial Regex ParameterName();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();
}

/// <summary>Text with U+0000, which PostgreSQL cannot store.</summary>
public sealed class NulCharacterException() : JsonException("Text must not contain NUL (U+0000) characters.");
