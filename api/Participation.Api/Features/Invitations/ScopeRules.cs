using Participation.Api.Features.Grants;

namespace Participation.Api.Features.Invitations;

/// <summary>The role, scope and message rules shared by the form and the CSV import.</summary>
public sealed class ScopeRules<T> : AbstractValidator<T>
{
    public ScopeRules(Func<T, Role> role, Func<T, ScopeType> scopeType, Func<T, Guid?> scopeId, Func<T, string?> message)
    {
        RuleFor(x => role(x)).IsInEnum().WithMessage(_ => Messages.Get("unknown_role")).OverridePropertyName("role");
        RuleFor(x => scopeType(x))
            .Must((x, s) => !Enum.IsDefined(role(x)) || Roles.ScopeAllowed(role(x), s))
            .WithMessage(_ => Messages.Get("role_scope"))
            .OverridePropertyName("scopeType");
        RuleFor(x => scopeId(x))
            .Must((x, id) => (scopeType(x) == ScopeType.Platform) == (id is null))
            .WithMessage(_ => Messages.Get("role_scope_id"))
            .OverridePropertyName("scopeId");
        RuleFor(x => message(x))
            .Must(m => m is null || m.Length <= 2000)
            .WithMessage(_ => Messages.Get("at_most_2000"))
            .Must(m => m is null || !m.Any(ch => char.IsControl(ch) && ch is not '\n' and not '\r' and not '\t'))
            .WithMessage(_ => Messages.Get("control_characters"))
            .OverridePropertyName("message");
    }
}
