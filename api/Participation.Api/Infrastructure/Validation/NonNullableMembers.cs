using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Participation.Api.Infrastructure.Validation;

/// <summary>
/// The last guard against nulls from JSON. System.Text.Json leaves a missing or <c>null</c> property null even when
/// the record declares it non-nullable, and a list may hold null items; validators are expected to report those as
/// "required", and this finds any that slipped through: every non-nullable reference member (by the nullable
/// annotations, through nested records and list items of this assembly's types) that is null. Run after the
/// message's validators, so that it only speaks when they missed one; a handler then never dereferences a null.
/// </summary>
public static class NonNullableMembers
{
    private sealed record Member(PropertyInfo Property, bool Required, bool ItemsRequired);

    private static readonly ConcurrentDictionary<Type, Member[]> Plans = new();
    private static readonly Assembly Ours = typeof(NonNullableMembers).Assembly;

    public static List<ValidationFailure> Find(object message)
    {
        var failures = new List<ValidationFailure>();
        Walk(message, "", failures, 0);
        return failures;
    }

    private static void Walk(object value, string path, List<ValidationFailure> failures, int depth)
    {
        if (depth > 8)
            return;
        foreach (var member in Plan(value.GetType()))
        {
            var name = path.Length == 0 ? member.Property.Name : $"{path}.{member.Property.Name}";
            switch (member.Property.GetValue(value))
            {
                case null:
                    if (member.Required)
                        failures.Add(new ValidationFailure(name, Messages.Get("required")));
                    break;
                case string or IDictionary:
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        var itemName = $"{name}[{index++}]";
                        if (item is null && member.ItemsRequired)
                            failures.Add(new ValidationFailure(itemName, Messages.Get("required")));
                        else if (item is not null && IsOurs(item.GetType()))
                            Walk(item, itemName, failures, depth + 1);
                    }
                    break;
                case var nested when IsOurs(nested.GetType()):
                    Walk(nested, name, failures, depth + 1);
                    break;
            }
        }
    }

    private static bool IsOurs(Type type) => !type.IsValueType && type.Assembly == Ours;

    private static Member[] Plan(Type type) => Plans.GetOrAdd(type, t =>
        {
            var context = new NullabilityInfoContext(); // not thread-safe: one per plan
            return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType)
                .Select(p =>
                {
                    var info = context.Create(p);
                    var item = info.ElementType ?? (info.GenericTypeArguments is [var only] ? only : null);
                    return new Member(p, info.ReadState == NullabilityState.NotNull, item?.ReadState == NullabilityState.NotNull);
                })
                .ToArray();
        });
}
