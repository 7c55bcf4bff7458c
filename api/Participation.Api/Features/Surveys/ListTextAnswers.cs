using Participation.Api.Infrastructure.Pagination;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The free-text answers to one question (short/long text, and the "other" texts of choice questions), newest
/// first, keyset pages: for the project's staff only. Two statements per page (access, page) whatever its size.
/// </summary>
public static class ListTextAnswers
{
    public sealed record Query(Guid ActorId, Guid QuestionId, string? Cursor, int? Limit) : IQuery<Response>;

    public sealed record TextAnswer(Guid ResponseId, string Text, bool Other, DateTimeOffset SubmittedAt);

    public sealed record Response(IReadOnlyList<TextAnswer> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.Limit).PageSize();
    }

    internal sealed record Key(DateTime At, Guid Id);

    private sealed record Row(Guid ResponseId, string Text, bool Other, DateTime SubmittedAt);

    public sealed class Handler(CityDb db) : IQueryHandler<Query, Response>
    {
        // One text (or "other" text) per response and question: (submitted_at, response id) is a unique key.
        private const string Sql = """
            SELECT r.id AS response_id, a.text, q.type IN ('single_choice', 'multiple_choice') AS other, r.submitted_at
              FROM survey_answers a
              JOIN survey_questions q ON q.id = a.question_id
              JOIN survey_responses r ON r.id = a.response_id AND r.status = 'submitted'
             WHERE a.question_id = @QuestionId AND a.option_id IS NULL AND a.text IS NOT NULL
               AND (@AfterAt::timestamptz IS NULL OR (r.submitted_at, r.id) < (@AfterAt, @AfterId))
             ORDER BY r.submitted_at DESC, r.id DESC
             LIMIT @Take;
            """;

        public async ValueTask<Response> Handle(Query q, CancellationToken ct)
        {
            var after = Cursor.Decode<Key>(q.Cursor);
            var limit = q.Limit ?? Cursor.DefaultLimit;
            await using var connection = await db.OpenConnectionAsync(ct);
            await SurveyResultsAccess.RequireStaffAsync(connection, q.ActorId, q.QuestionId, byQuestion: true, ct);
            var rows = (
                await connection.QueryAsync<Row>(
                    new CommandDefinition(
                        Sql,
                        new
                        {
                            q.QuestionId,
                            AfterAt = after?.At,
                            AfterId = after?.Id,
                            Take = limit + 1,
                        },
                        cancellationToken: ct
                    )
                )
            ).AsList();
            var (page, next) = Cursor.Page(rows, limit, r => new Key(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc), r.ResponseId));
            return new Response(
                page.Select(r => new TextAnswer(
                        r.ResponseId,
                        r.Text,
                        r.Other,
                        new DateTimeOffset(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc))
                    ))
                    .ToList(),
                next
            );
        }
    }

    /// <summary>The query string: the page.</summary>
    public sealed record QueryString(string? Cursor, int? Limit);

    [EndpointSummary("Free-text answers to a survey question, newest first (project staff).")]
    public static ValueTask<Response> Endpoint(
        Guid id,
        [AsParameters] QueryString q,
        Caller caller,
        ISender sender,
        CancellationToken ct
    ) => sender.Send(new Query(caller.UserId, id, q.Cursor, q.Limit), ct);
}
