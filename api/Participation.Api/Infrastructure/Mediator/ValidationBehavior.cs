namespace Participation.Api.Infrastructure.Mediator;

/// <summary>
/// Runs every FluentValidation validator of the message before its handler, then refuses any non-nullable member
/// still null (<see cref="NonNullableMembers"/>): a null from JSON is a 400 "required", never a 500 in the handler.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, ct);
            if (!result.IsValid)
                throw new ValidationException(result.Errors);
        }
        if (NonNullableMembers.Find(message) is { Count: > 0 } nulls)
            throw new ValidationException(nulls);
        return await next(message, ct);
    }
}
