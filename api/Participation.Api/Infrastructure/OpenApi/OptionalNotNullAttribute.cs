namespace Participation.Api.Infrastructure.OpenApi;

/// <summary>
/// Marks a request property that callers may leave out but never send as null: the contract lists it as optional and
/// not nullable (<see cref="OptionalNotNullSchemaFilter"/>). The C# property stays nullable: left out, it is null.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionalNotNullAttribute : Attribute;
