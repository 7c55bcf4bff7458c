namespace Participation.Api.Infrastructure.Enums;

/// <summary>
/// An open-ended catalogue (event types, audit subjects) that grows as features land: its schema is marked
/// <c>x-extensible-enum</c>, the guide tells integrators to tolerate unknown values (the SDKs do), and the contract's
/// compatibility gate takes a value added to it in an answer as a compatible change, not a breaking one.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class ExtensibleEnumAttribute : Attribute;
