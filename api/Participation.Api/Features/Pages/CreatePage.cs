using Participation.Api.Features.Events;

namespace Participation.Api.Features.Pages;

/// <summary>
/// Admins and communication managers write a page, as a draft (audited: page.created). A standard kind exists once (409);
/// a slug another page holds, now or before, is refused (409 on its field), also between parallel creates.
/// </summary>
public static class CreatePage
{
    public sealed record Request(PageKind? Kind, PageTexts? Texts, bool InFooter, int FooterOrder);

    public sealed record Command(Guid ActorId, Request Body) : ICommand<Page>, IPageContent
    {
        public PageKind? Kind => Body.Kind;
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
                    RuleFor(c => c.Kind).NotNull().WithMessage(_ => Messages.Get("required")).IsInEnum();
                    Include(new PageContentRules<Command>());
                }
            );
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, Page>
    {
        private const string Sql = """
            INSERT INTO pages (id, kind, in_footer, footer_order) VALUES (@Id, @Kind, @InFooter, @FooterOrder)
            ON CONFLICT DO NOTHING;
            """;

        public async ValueTask<Page> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await PageAccess.RequireEditorAsync(connection, c.ActorId, ct);
            var texts = PageStore.Clean(c.Texts!);
            var id = Guid.CreateVersion7();
            await using var tx = await connection.BeginTransactionAsync(ct);
            var inserted = await connection.ExecuteAsync(
                new CommandDefinition(
                    Sql,
                    new
                    {
                        Id = id,
                        Kind = c.Kind!.Value.ToWire(),
                        c.InFooter,
                        c.FooterOrder,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            if (inserted == 0)
                throw new ConflictException(Messages.Get("page_kind_exists"), "kind");
            await PageStore.WriteTextsAsync(connection, tx, id, texts, ct);
            await events.RecordAsync(
                tx,
                EventType.PageCreated,
                Actor.User(c.ActorId),
                id,
                Scope.Platform,
                before: null,
                after: PageStore.Audit(texts, c.InFooter, c.FooterOrder),
                data: new { kind = c.Kind.Value.ToWire() },
                ct
            );
            var page = await PageStore.ReadAsync(connection, tx, id, forUpdate: false, ct);
            await tx.CommitAsync(ct);
            return page!;
        }
    }

    [EndpointSummary("Write a page, as a draft (admins and communication managers; audited).")]
    public static async Task<Created<Page>> Endpoint(Request body, Caller caller, ISender sender, CancellationToken ct)
    {
        var page = await sender.Send(new Command(caller.UserId, body), ct);
        return TypedResults.Created($"/api/v1/pages/{page.Id}", page);
    }
}
