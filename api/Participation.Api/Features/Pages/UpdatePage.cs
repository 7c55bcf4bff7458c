using System.Text.Json.Serialization;
using Participation.Api.Features.Events;

namespace Participation.Api.Features.Pages;

/// <summary>
/// Admins and communication managers save a page's texts and footer placement (audited: page.updated, with what changed).
/// The save names the version it read: a stale one is refused (409). A changed slug keeps the old one: it still leads to the
/// page.
/// </summary>
public static class UpdatePage
{
    public sealed record Request([property: JsonRequired] int Version, PageTexts? Texts, bool InFooter, int FooterOrder);

    public sealed record Command(Guid ActorId, Guid Id, Request Body) : ICommand<Page>, IPageContent
    {
        public int Version => Body.Version;
        public PageTexts? Texts => Body.Texts;
        public bool InFooter => Body.InFooter;
        public int FooterOrder => Body.FooterOrder;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required"));
            When(
                c => c.Body is not null,
                () =>
                {
                    RuleFor(c => c.Version).GreaterThanOrEqualTo(1);
                    Include(new PageContentRules<Command>());
                }
            );
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Page>
    {
        private const string Sql = """
            UPDATE pages SET in_footer = @InFooter, footer_order = @FooterOrder, version = version + 1, updated_at = now()
             WHERE id = @Id;
            """;

        public async ValueTask<Page> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await PageAccess.RequireEditorAsync(connection, c.ActorId, ct);
            var texts = PageStore.Clean(c.Texts!);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var before = await PageStore.ReadAsync(connection, tx, c.Id, forUpdate: true, ct) ?? throw new NotFoundException();
            if (before.Version != c.Version)
                throw new ConflictException(Messages.Get("page_stale"), "version");
            var was = PageStore.Audit(before.Texts, before.InFooter, before.FooterOrder);
            var now = PageStore.Audit(texts, c.InFooter, c.FooterOrder);
            var diff = Changes.Of(
                ("texts", was["texts"], now["texts"]),
                ("bodies", before.Texts.Present().Select(p => p.Text.Body), texts.Present().Select(p => p.Text.Body)),
                ("inFooter", before.InFooter, c.InFooter),
                ("footerOrder", before.FooterOrder, c.FooterOrder)
            );
            if (diff is null)
                return before; // nothing changed: no new version, no event

            await PageStore.WriteTextsAsync(connection, tx, c.Id, texts, ct);
            await connection.ExecuteAsync(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        c.Id,
                        c.InFooter,
                        c.FooterOrder,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await events.RecordAsync(
                tx,
                EventType.PageUpdated,
                Actor.User(c.ActorId),
                c.Id,
                Scope.Platform,
                before: was,
                after: now,
                data: new { kind = before.Kind.ToWire() },
                ct
            );
            var page = await PageStore.ReadAsync(connection, tx, c.Id, forUpdate: false, ct);
            await tx.CommitAsync(ct);
            return page!;
        }
    }

    [EndpointSummary("Save a page's texts and footer placement (admins and communication managers; audited). A stale version is a 409.")]
    public static ValueTask<Page> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
