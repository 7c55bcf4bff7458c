using System.Data;
using Participation.Api.Features.Ideas;

namespace Participation.Api.Features.IdeasManager;

/// <summary>An official feedback text the project's staff keep for a status (or for any status), to answer ideas with.</summary>
/// <param name="Status">The status it is written for; null: any.</param>
public sealed record FeedbackTemplate(
    Guid Id,
    Guid ProjectId,
    IdeaStatus? Status,
    string Title,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
);

/// <summary>What the staff write in a template: a title (one line, up to 120 characters), the feedback (plain text, up to
/// 5,000) and the status it is for (none: any).</summary>
public sealed record FeedbackTemplateFields(string Title, string Body, IdeaStatus? Status);

public sealed class FeedbackTemplateRules : AbstractValidator<FeedbackTemplateFields>
{
    public FeedbackTemplateRules()
    {
        RuleFor(f => f.Title)
            .NotEmpty()
            .WithMessage(_ => Messages.Get("required"))
            .Must(t => t is null || t.Trim().Length is >= 1 and <= 120)
            .WithMessage(_ => Messages.Get("feedback_template_title_length"))
            .SingleLine();
        RuleFor(f => f.Body).NotEmpty().WithMessage(_ => Messages.Get("required")).OfficialFeedback();
        RuleFor(f => f.Status).SettableStatus();
    }
}

/// <summary>The templates' table: its columns, a row as read, and the lookup every write starts with.</summary>
internal static class FeedbackTemplates
{
    /// <summary>A project keeps at most this many templates.</summary>
    public const int MaxPerProject = 100;

    public const string Columns = "id, project_id, status, title, body, created_at, updated_at";

    public sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ProjectId { get; init; }
        public string? Status { get; init; }
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public FeedbackTemplate ToTemplate() =>
            new(Id, ProjectId, Status.ToEnumOrNull<IdeaStatus>(), Title, Body, CreatedAt.AsUtc(), UpdatedAt.AsUtc());

        /// <summary>The fields an event records (never who wrote it: the event's actor says).</summary>
        public object Fields() =>
            new
            {
                title = Title,
                body = Body,
                status = Status,
            };
    }

    /// <summary>The fields as stored: trimmed.</summary>
    public static (string Title, string Body, string? Status) Normalise(FeedbackTemplateFields f) =>
        (f.Title.Trim(), Infrastructure.Content.RichText.Sanitize(f.Body.Trim()), f.Status.ToWire());

    private const string LoadSql = $"SELECT {Columns} FROM feedback_templates WHERE id = @Id FOR UPDATE;";

    /// <summary>The template, locked, if the caller is its project's staff: 404 when it does not exist, 403 when not staff.</summary>
    public static async Task<(Row Row, Grants.ProjectStaff.Access Access)> LoadForStaffAsync(
        IDbConnection connection,
        IDbTransaction tx,
        Guid actorId,
        Guid id,
        CancellationToken ct
    )
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(LoadSql, new { Id = id }, tx, cancellationToken: ct)
        ) ?? throw new NotFoundException("No such feedback template.");
        return (row, await ManagerAccess.RequireStaffAsync(connection, actorId, row.ProjectId, tx, ct));
    }

    public static ConflictException TitleTaken() => new(Messages.Get("feedback_template_title_taken"), "title");
}
