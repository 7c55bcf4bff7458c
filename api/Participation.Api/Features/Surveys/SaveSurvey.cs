using System.Text.Json;
using FluentValidation.Results;
using Participation.Api.Features.Events;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The project's staff save the whole questionnaire at once (sections, questions and options in order; items
/// without an id are new). <c>version</c> must be the one last read (409 otherwise: someone else saved in between).
/// Until the first submitted response anything may change; after it only the wording may change (titles, help
/// texts, option and scale labels): removing, adding, retyping or reordering questions or options is a 409 that
/// says which question. A poll has one section of at most 5 single or multiple choice questions.
/// </summary>
/// <remarks>
/// A phase that is not a survey or poll is a 404 (there is no questionnaire to save there). An id that is not part
/// of this questionnaire (another survey's, or made up) is a 400 on its field: new items come without an id. The
/// <c>surveys</c> row is locked for the whole save, and each submission takes the same lock, so "free until the
/// first response" cannot race a first submission.
/// </remarks>
public static class SaveSurvey
{
    public sealed record OptionInput(Guid? Id, IReadOnlyDictionary<string, string>? Label);

    public sealed record QuestionInput(
        Guid? Id,
        QuestionType? Type,
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Help,
        bool Required,
        QuestionSettings? Settings,
        IReadOnlyList<OptionInput>? Options
    );

    public sealed record SectionInput(
        Guid? Id,
        IReadOnlyDictionary<string, string>? Title,
        IReadOnlyDictionary<string, string>? Description,
        IReadOnlyList<QuestionInput>? Questions
    );

    public sealed record Request(int Version, IReadOnlyList<SectionInput>? Sections);

    public sealed record Command(Guid ActorId, Guid PhaseId, Request Body) : ICommand<SurveyView>;

    public const int MaxSections = 20,
        MaxQuestions = 200,
        MinOptions = 2,
        MaxOptions = 50,
        MaxPollQuestions = 5;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body).NotNull().WithMessage(_ => Messages.Get("required")).OverridePropertyName("body");
            RuleFor(c => c.Body.Sections)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .Must(s => s is null || s.Count is >= 1 and <= MaxSections)
                .WithMessage(_ => Messages.Get("survey_sections_count"))
                .Must(s => s is null || s.Sum(x => x?.Questions?.Count ?? 0) <= MaxQuestions)
                .WithMessage(_ => Messages.Get("survey_questions_count"))
                .OverridePropertyName("sections")
                .When(c => c.Body is not null);
            RuleForEach(c => c.Body.Sections)
                .NotNull()
                .WithMessage(_ => Messages.Get("required"))
                .SetValidator(new SurveyRules.SectionRules())
                .OverridePropertyName("sections")
                .When(c => c.Body?.Sections is { Count: <= MaxSections });
        }
    }

    public sealed class Handler(CityDb db, EventRecorder events) : ICommandHandler<Command, SurveyView>
    {
        private const string LockSql = "SELECT version, responses FROM surveys WHERE phase_id = @PhaseId FOR UPDATE;";

        private const string CreateSql = """
            INSERT INTO surveys (phase_id, project_id) VALUES (@PhaseId, @ProjectId) ON CONFLICT (phase_id) DO NOTHING RETURNING version;
            """;

        // Positions come from the arrays' order; the position constraints are deferred, so rows may swap places.
        // Upserts first, deletions last, so a question moved out of a removed section survives it.
        private const string WriteSql = """
            INSERT INTO survey_sections AS s (id, phase_id, position, title, description)
            SELECT x.id, @PhaseId, x.n - 1, x.title::jsonb, x.description::jsonb
              FROM unnest(@SectionIds::uuid[], @SectionTitles::text[], @SectionDescriptions::text[]) WITH ORDINALITY
                   AS x(id, title, description, n)
            ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, description = EXCLUDED.description
                   WHERE s.phase_id = @PhaseId;
            DELETE FROM survey_answers WHERE question_id = ANY(@Reshaped);
            INSERT INTO survey_questions AS q (id, phase_id, section_id, position, type, title, help, required, settings)
            SELECT x.id, @PhaseId, x.section_id, x.n - 1, x.type, x.title::jsonb, x.help::jsonb, x.required, x.settings::jsonb
              FROM unnest(@QuestionIds::uuid[], @QuestionSections::uuid[], @Types::text[], @Titles::text[], @Helps::text[],
                          @Required::boolean[], @Settings::text[])
                   WITH ORDINALITY AS x(id, section_id, type, title, help, required, settings, n)
            ON CONFLICT (id) DO UPDATE SET section_id = EXCLUDED.section_id, position = EXCLUDED.position, type = EXCLUDED.type,
                   title = EXCLUDED.title,
                   help = EXCLUDED.help, required = EXCLUDED.required, settings = EXCLUDED.settings WHERE q.phase_id = @PhaseId;
            INSERT INTO survey_options AS o (id, question_id, position, label)
            SELECT x.id, x.question_id, x.position, x.label::jsonb
              FROM unnest(@OptionIds::uuid[], @OptionQuestions::uuid[], @OptionPositions::int[], @OptionLabels::text[])
                   AS x(id, question_id, position, label)
            ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, label = EXCLUDED.label WHERE o.question_id = EXCLUDED.question_id;
            DELETE FROM survey_options o USING survey_questions q WHERE o.question_id = q.id AND q.phase_id = @PhaseId
                   AND o.id <> ALL(@OptionIds);
            DELETE FROM survey_questions WHERE phase_id = @PhaseId AND id <> ALL(@QuestionIds);
            DELETE FROM survey_sections WHERE phase_id = @PhaseId AND id <> ALL(@SectionIds);
            UPDATE surveys SET version = @Version, updated_at = now() WHERE phase_id = @PhaseId;
            """;

        private sealed record Lock(int Version, int Responses);

        public async ValueTask<SurveyView> Handle(Command c, CancellationToken ct)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            var phase = await Questionnaire.RequirePhaseAsync(connection, c.ActorId, c.PhaseId, tx, ct);
            if (!phase.Staff)
                throw new ForbiddenException();
            var sections = c.Body.Sections!;
            if (phase.Method == PhaseMethod.Poll)
                RequirePollShape(sections);

            var current = await connection.QuerySingleOrDefaultAsync<Lock>(
                new CommandDefinition(LockSql, new { c.PhaseId }, tx, cancellationToken: ct)
            );
            if (
                c.Body.Version != (current?.Version ?? 0)
                || (
                    current is null
                    && await connection.ExecuteScalarAsync<int?>(
                        new CommandDefinition(CreateSql, new { c.PhaseId, phase.ProjectId }, tx, cancellationToken: ct)
                    )
                        is null
                )
            )
                throw new ConflictException(Messages.Get("survey_stale"));
            var existing = current is null ? [] : await Questionnaire.SectionsAsync(connection, c.PhaseId, tx, ct);
            var plan = SurveyPlan.Build(sections, existing);
            var locked = current is { Responses: > 0 };
            if (locked)
                SurveyPlan.RequireWordingOnly(sections, existing, plan);

            var version = (current?.Version ?? 0) + 1;
            await connection.ExecuteAsync(
                new CommandDefinition(
                    WriteSql,
                    new
                    {
                        c.PhaseId,
                        Version = version,
                        SectionIds = plan.Sections.Select(s => s.Id).ToArray(),
                        SectionTitles = plan.Sections.Select(s => LocalizedText.ToJson(s.Input.Title ?? Empty)).ToArray(),
                        SectionDescriptions = plan.Sections.Select(s => LocalizedText.ToJson(s.Input.Description ?? Empty)).ToArray(),
                        QuestionIds = plan.Questions.Select(q => q.Id).ToArray(),
                        QuestionSections = plan.Questions.Select(q => q.SectionId).ToArray(),
                        Types = plan.Questions.Select(q => q.Input.Type!.Value.ToWire()).ToArray(),
                        Titles = plan.Questions.Select(q => LocalizedText.ToJson(q.Input.Title!)).ToArray(),
                        Helps = plan.Questions.Select(q => LocalizedText.ToJson(q.Input.Help ?? Empty)).ToArray(),
                        Required = plan.Questions.Select(q => q.Input.Required).ToArray(),
                        Settings = plan.Questions.Select(q => JsonSerializer.Serialize(q.Settings, Questionnaire.Json)).ToArray(),
                        OptionIds = plan.Options.Select(o => o.Id).ToArray(),
                        OptionQuestions = plan.Options.Select(o => o.QuestionId).ToArray(),
                        OptionPositions = plan.Options.Select(o => o.Position).ToArray(),
                        OptionLabels = plan.Options.Select(o => LocalizedText.ToJson(o.Input.Label!)).ToArray(),
                        plan.Reshaped,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            // before: null when the questionnaire is first saved; both sides count its sections and questions.
            await events.RecordAsync(
                tx,
                EventType.SurveySaved,
                Actor.User(c.ActorId),
                phase.ProjectId,
                new Scope(phase.ProjectId, c.PhaseId, phase.DepartmentId),
                current is null
                    ? null
                    : new
                    {
                        version = current.Version,
                        sections = existing.Count,
                        questions = Questionnaire.Questions(existing).Count(),
                    },
                new
                {
                    version,
                    sections = plan.Sections.Count,
                    questions = plan.Questions.Count,
                },
                new
                {
                    phaseId = c.PhaseId,
                    version,
                    questions = plan.Questions.Count,
                    wordingOnly = locked,
                },
                ct
            );
            var saved = await Questionnaire.SectionsAsync(connection, c.PhaseId, tx, ct);
            await tx.CommitAsync(ct);
            return Questionnaire.View(phase with { Version = version, Responses = current?.Responses ?? 0 }, saved);
        }

        private static readonly Dictionary<string, string> Empty = [];

        private static void RequirePollShape(IReadOnlyList<SectionInput> sections)
        {
            var failures = new List<ValidationFailure>();
            if (sections.Count != 1 || sections[0].Questions!.Count is < 1 or > MaxPollQuestions)
                failures.Add(new ValidationFailure("sections", Messages.Get("poll_shape")));
            for (var s = 0; s < sections.Count; s++)
            for (var q = 0; q < sections[s].Questions!.Count; q++)
                if (sections[s].Questions![q].Type is not { } type || !QuestionTypes.Poll.Contains(type))
                    failures.Add(new ValidationFailure($"sections[{s}].questions[{q}].type", Messages.Get("poll_question_type")));
            if (failures.Count > 0)
                throw new ValidationException(failures);
        }
    }

    [EndpointSummary(
        "Save the questionnaire of a survey or poll phase (project staff); after the first response only the wording may change."
    )]
    public static ValueTask<SurveyView> Endpoint(Guid id, Request body, Caller caller, ISender sender, CancellationToken ct) =>
        sender.Send(new Command(caller.UserId, id, body), ct);
}
