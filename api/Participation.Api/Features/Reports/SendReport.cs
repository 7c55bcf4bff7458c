using System.Net;
using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Infrastructure.Email;

namespace Participation.Api.Features.Reports;

/// <summary>
/// The project's staff send its report to some of its possible recipients (<see cref="ListReportRecipients"/>: the
/// department's heads, the officials covering it): one e-mail each, in their language, with a link to the report page
/// (read after logging in; no public link). The e-mails are queued in the transaction that records <c>report.sent</c>
/// (audited: who sent it to whom). Anyone else in the list (a resident, another department's head): 400, nothing sent.
/// </summary>
public static class SendReport
{
    public const int MaxRecipients = 50;

    public sealed record Request(IReadOnlyList<Guid>? RecipientIds);

    public sealed record Command(Guid ActorId, Guid ProjectId, Request Body) : ICommand<Response>;

    /// <summary>Who the report was sent to (names, no e-mail addresses).</summary>
    public sealed record Response(IReadOnlyList<ListReportRecipients.Recipient> Recipients);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required")).OverridePropertyName("body");
            RuleFor(c => c.Body.RecipientIds)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .Must(ids => ids is null || (ids.Count is >= 1 and <= MaxRecipients && ids.Distinct().Count() == ids.Count))
                .WithMessage(_ => Messages.Get("report_recipients_count", MaxRecipients))
                .OverridePropertyName("recipientIds")
                .When(c => c.Body is not null);
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events, CityAddresses addresses) : ICommandHandler<Command, Response>
    {
        private const string Sql = """
            SELECT u.first_name || ' ' || u.last_name FROM users u WHERE u.id = @ActorId;
            SELECT name FROM platform_settings LIMIT 1;
            """;

        public async ValueTask<Response> Handle(Command c, CancellationToken ct)
        {
            var ids = c.Body.RecipientIds!.ToArray();
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var project = await ReportAccess.RequireAsync(connection, c.ActorId, c.ProjectId, write: true, tx, ct);
            var recipients = await ListReportRecipients.CandidatesAsync(connection, project.DepartmentId, ids, tx, ct);
            if (recipients.Count != ids.Length)
                throw new ValidationException([new ValidationFailure("recipientIds", Messages.Get("report_recipient"))]);
            string sender;
            string platform;
            await using (
                var grid = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { c.ActorId }, tx, cancellationToken: ct))
            )
            {
                sender = await grid.ReadSingleOrDefaultAsync<string>() ?? "";
                platform = await grid.ReadSingleOrDefaultAsync<string>() ?? "Participation";
            }
            var sent = recipients.Select(r => r.ToRecipient()).ToList();
            var recorded = await events.RecordAsync(
                tx,
                EventType.ReportSent,
                Actor.User(c.ActorId),
                c.ProjectId,
                Scope.Project(c.ProjectId),
                data: new
                {
                    recipients = sent.Select(r => new
                        {
                            userId = r.UserId,
                            name = r.Name,
                            role = r.Role.ToWire(),
                        })
                        .ToArray(),
                },
                ct: ct
            );
            var city = addresses.Current;
            foreach (var r in recipients)
                await Outbox.EnqueueAsync(
                    connection,
                    tx,
                    Email(r, project.Title, sender, platform, city.AppLink(r.Locale, $"/admin/projects/{c.ProjectId}/report")) with
                    {
                        DedupKey = $"report-sent:{recorded.Position}:{r.UserId}",
                    },
                    ct
                );
            await tx.CommitAsync(ct);
            return new Response(sent);
        }

        /// <summary>The e-mail in the recipient's language; what people wrote (names, the title) is encoded in the HTML.</summary>
        private static OutgoingEmail Email(ListReportRecipients.Candidate to, string title, string sender, string platform, string link)
        {
            var l = to.Locale;
            var hello = ReportTexts.Get(l, "hello", to.FirstName);
            var body = ReportTexts.Get(l, "email.body", title, sender, platform);
            var action = ReportTexts.Get(l, "email.action");
            var text = $"{hello}\n\n{body}\n{link}\n";
            var html = $"""
                <!doctype html><html lang="{l}"><body style="font-family:sans-serif;line-height:1.5">
                <p>{WebUtility.HtmlEncode(hello)}</p>
                <p>{WebUtility.HtmlEncode(body)}</p>
                <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
                </body></html>
                """;
            return new OutgoingEmail("report", to.Email, to.FirstName, ReportTexts.Get(l, "email.subject", title), text, html);
        }
    }

    [EndpointSummary("Send a project's report to its department's heads and officials: an e-mail with a link each (audited).")]
    public static ValueTask<Response> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
