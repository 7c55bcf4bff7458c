using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Support;

/// <summary>How a staff member wishes support to answer.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum SupportContact
{
    Email,
    Phone,
}

/// <summary>
/// A staff member (any role) writes to the vendor's support from the staff area: the request is kept in the city's list and
/// e-mailed (through the outbox, in the same transaction) to <see cref="SupportOptions.Email"/> with the city's name.
/// </summary>
public static class SendSupportRequest
{
    /// <param name="Subject">One line, 1 to 200 characters.</param>
    /// <param name="Message">1 to 5,000 characters.</param>
    /// <param name="Contact">How to answer: by e-mail (the default, to the writer's address) or by phone.</param>
    /// <param name="Phone">The number to call back (required with <c>phone</c>).</param>
    public sealed record Request(string Subject, string Message, SupportContact? Contact, string? Phone);

    public sealed record Command(Guid ActorId, string Subject, string Message, SupportContact Contact, string? Phone)
        : ICommand<SupportRequest>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Subject).RequiredText(200).SingleLine();
            RuleFor(c => c.Message).RequiredText(5000).PlainText(5000);
            RuleFor(c => c.Contact).IsInEnum().WithMessage(_ => Messages.Get("support_contact"));
            RuleFor(c => c.Phone)
                .Must((c, phone) => c.Contact != SupportContact.Phone || !string.IsNullOrWhiteSpace(phone))
                .WithMessage(_ => Messages.Get("support_contact"))
                .PlainText(40);
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events, IOptions<SupportOptions> options)
        : ICommandHandler<Command, SupportRequest>
    {
        private const string Author = """
            SELECT u.first_name || ' ' || u.last_name AS name, u.email, u.locale,
                   (SELECT name FROM cities WHERE id = current_city()) AS city_name,
                   EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id) AS staff
              FROM users u WHERE u.id = @ActorId;
            """;

        private const string Insert = """
            INSERT INTO support_requests (id, author_id, subject, message, contact_preference, phone)
            VALUES (@Id, @ActorId, @Subject, @Message, @Contact, @Phone)
            RETURNING created_at;
            """;

        private sealed record AuthorRow(string Name, string Email, string Locale, string CityName, bool Staff);

        public async ValueTask<SupportRequest> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var author = await connection.QuerySingleOrDefaultAsync<AuthorRow>(new CommandDefinition(Author, c, tx, cancellationToken: ct));
            if (author is not { Staff: true })
                throw new ForbiddenException();
            var id = Guid.CreateVersion7();
            var (subject, message) = (c.Subject.Trim(), c.Message.Trim());
            var phone = c.Contact == SupportContact.Phone ? c.Phone!.Trim() : null;
            var createdAt = await connection.QuerySingleAsync<DateTime>(
                new CommandDefinition(
                    Insert,
                    new
                    {
                        Id = id,
                        c.ActorId,
                        Subject = subject,
                        Message = message,
                        Contact = c.Contact.ToWire(),
                        Phone = phone,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                EventType.SupportRequestSent,
                Actor.User(c.ActorId),
                id,
                Scope.Platform,
                data: new { subject },
                ct: ct
            );
            await Outbox.EnqueueAsync(
                connection,
                tx,
                SupportEmails.Request(
                    author.Locale,
                    options.Value.Email,
                    author.CityName,
                    author.Name,
                    author.Email,
                    subject,
                    message,
                    c.Contact,
                    phone,
                    id
                ),
                ct
            );
            await tx.CommitAsync(ct);
            return new SupportRequest(id, subject, message, c.Contact, phone, createdAt.AsUtc(), new(c.ActorId, author.Name));
        }
    }

    [EndpointSummary("Write to the vendor's support (any staff member): kept in the city's list and e-mailed to support.")]
    public static async Task<Created<SupportRequest>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var request = await sender.Send(
            new Command(caller.UserId, body.Subject, body.Message, body.Contact ?? SupportContact.Email, body.Phone),
            ct
        );
        return TypedResults.Created($"/api/v1/support/requests/{request.Id}", request);
    }
}

/// <summary>A request to the vendor's support, as the city's staff see it.</summary>
/// <param name="Author">Who wrote it (null once their account is gone).</param>
public sealed record SupportRequest(
    Guid Id,
    string Subject,
    string Message,
    SupportContact Contact,
    string? Phone,
    DateTimeOffset CreatedAt,
    SupportRequestAuthor? Author
);

/// <summary>A staff member who wrote to support, by name.</summary>
public sealed record SupportRequestAuthor(Guid Id, string Name);
