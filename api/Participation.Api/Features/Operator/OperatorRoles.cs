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
/// <param name="PasswordChangeRequired">Their password was set by another operator: until they choose their own
/// (<c>POST /api/v1/operator/me/password</c>), every other console request is refused (403, reason
/// <c>password_change_required</c>). Always sent (true or false); optional in the contract only because fields added to 1.x
/// responses are.</param>
public sealed record OperatorProfile(Guid Id, string Email, string DisplayName, OperatorRole Role, bool? PasswordChangeRequired);
