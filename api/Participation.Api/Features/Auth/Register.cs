using Participation.Api.Features.Consents;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Auth;

/// <summary>Self-registration of a resident; sends the e-mail confirmation link through the outbox.</summary>
public static class Register
{
    /// <param name="NewsletterConsent">Opt-in to the platform's newsletter (campaigns): never presumed, recorded with its date.</param>
    /// <param name="AcceptedTermsVersion">The version of the terms of use the person accepted (<c>GET /consents/terms</c>):
    /// recorded with its date; an outdated one is refused (409). Without it, the person is asked once signed in.</param>
    public sealed record Command(
        string Email,
        string Password,
        string FirstName,
        string LastName,
        string? Locale,
        bool? NewsletterConsent = null,
        string? AcceptedTermsVersion = null
    ) : ICommand<Response>;

    public sealed record Response(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).EmailAddress();
            RuleFor(c => c.Password).NewPassword();
            RuleFor(c => c.FirstName).PersonName();
            RuleFor(c => c.LastName).PersonName();
            RuleFor(c => c.Locale).Locale();
            RuleFor(c => c.AcceptedTermsVersion!).TermsVersion().When(c => c.AcceptedTermsVersion is not null);
        }
    }

    public sealed class Handler(CityDb db, EmailTemplates templates, EventRecorder events) : ICommandHandler<Command, Response>
    {
        private const string InsertUser = """
            INSERT INTO users (id, email, password_hash, first_name, last_name, locale)
            VALUES (@Id, @Email, @PasswordHash, @FirstName, @LastName, @Locale)
            ON CONFLICT (city_id, email) DO NOTHING
            RETURNING (SELECT name FROM platform_settings);
            """;

        internal const string InsertToken = """
            INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at)
            VALUES (@Hash, @UserId, 'confirm_email', now() + interval '7 days');
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            var id = Guid.CreateVersion7();
            var email = TextRules.NormalizeEmail(c.Email);
            var locale = c.Locale ?? "fr";
            var firstName = c.FirstName.Trim();
            var lastName = c.LastName.Trim();
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var platformName = await connection.QuerySingleOrDefaultAsync<string>(
                new CommandDefinition(
                    InsertUser,
                    new
                    {
                        Id = id,
                        Email = email,
                        PasswordHash = Passwords.Hash(c.Password),
                        FirstName = firstName,
                        LastName = lastName,
                        Locale = locale,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            if (platformName is null)
                throw new ConflictException(Messages.Get("email_taken"), nameof(Command.Email));

            var token = SecureTokens.New();
            await connection.ExecuteAsync(
                new CommandDefinition(InsertToken, new { Hash = SecureTokens.Hash(token), UserId = id }, tx, cancellationToken: ct)
            );
            await Outbox.EnqueueAsync(connection, tx, templates.ConfirmEmail(locale, email, firstName, platformName, token), ct);
            // Names and language only: never the address or the password.
            await events.RecordAsync(
                tx,
                EventType.UserRegistered,
                Actor.User(id),
                id,
                Scope.Platform,
                null,
                new
                {
                    firstName,
                    lastName,
                    locale,
                },
                ct: ct
            );
            if (c.NewsletterConsent == true)
                await Campaigns.NewsletterConsents.SetAsync(tx, events, id, true, Consents.ConsentSource.Registration, Actor.User(id), ct);
            else
                await Consents.ConsentRecords.NewsletterAsync(tx, id, false, Consents.ConsentSource.Registration, ct);
            if (c.AcceptedTermsVersion is { } terms)
                await Consents.AcceptTerms.Handler.RecordAsync(
                    tx,
                    events,
                    id,
                    terms.Trim(),
                    Consents.ConsentSource.Registration,
                    ct,
                    "acceptedTermsVersion"
                );
            await tx.CommitAsync(ct);
            return new Response(id);
        }
    }

    [EndpointSummary("Create a resident account; a confirmation link is e-mailed.")]
    public static async Task<Created<Response>> Endpoint(Command command, ISender sender, CancellationToken ct)
    {
        var response = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/users/{response.Id}", response);
    }
}
