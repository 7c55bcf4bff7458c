using System.Text.Json.Serialization;

namespace Participation.Api.Features.Operator;

/// <summary>The vendor's people: an operator runs the deployment (every console action); support helps the cities
/// (reads the console, and what a city's support access grants).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum OperatorRole
{
    Operator,
    Support,
}

/// <summary>The vendor's person signed in to the console.</summary>
public sealed record OperatorProfile(Guid Id, string Email, string DisplayName, OperatorRole Role);
