using FluentValidation;
using Mediator;

namespace Participation.Api.Infrastructure.Mediator;

/// <summary>Runs every FluentValidation validator of the message before its handler.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, ct);
            if (!result.IsValid) throw new ValidationException(result.Errors);
        }
        return await next(message, ct);
    }
}
