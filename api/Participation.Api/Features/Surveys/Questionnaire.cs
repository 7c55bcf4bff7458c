using System.Data;
using System.Text.Json;
using System.Text.Json.Serialization;
using Participation.Api.Features.Grants;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// Reads a survey or poll phase and its questionnaire, for the builder, the answering slices and polls: the phase
/// (with the caller's staff relation) in one statement, the structure in one round trip of three statements
/// (sections, questions, options: no query per question).
/// </summary>
internal static class Questionnaire
{
    /// <summary>Settings as stored in jsonb: camelCase, absent fields left out.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A survey or poll phase; <see cref="Version"/> 0 while no questionnaire was saved.</summary>
    public sealed record Phase(
        Guid Id,
        Guid ProjectId,
        Guid DepartmentId,
        string MethodName,
        string ProjectStatus,
        bool Staff,
        string Settings,
        int Version,
        int Responses
    )
    {
        public PhaseMethod Method => MethodName.ToEnum<PhaseMethod>();

        public PhaseSettings PhaseSettings =>
            JsonSerializer.Deserialize<PhaseSettings>(Settings, JsonSerializerOptions.Web) ?? new PhaseSettings();
    }

    private const string PhaseSql = $"""
        SELECT ph.id, ph.project_id, p.department_id, ph.method AS method_name, p.status AS project_status,
               {ProjectStaff.IsStaffOf} AS staff,
               ph.settings::text AS settings, coalesce(s.version, 0) AS version, coalesce(s.responses, 0) AS responses
          FROM phases ph JOIN projects p ON p.id = ph.project_id
          LEFT JOIN surveys s ON s.phase_id = ph.id
         WHERE ph.id = @PhaseId;
        """;

    private const string StructureSql = """
        SELECT id, title::text AS title, description::text AS description FROM survey_sections WHERE phase_id = @PhaseId ORDER BY position;
        SELECT id, section_id, type, title::text AS title, help::text AS help, required, settings::text AS settings
          FROM survey_questions WHERE phase_id = @PhaseId ORDER BY position;
        SELECT o.id, o.question_id, o.label::text AS label
          FROM survey_options o JOIN survey_questions q ON q.id = o.question_id
         WHERE q.phase_id = @PhaseId ORDER BY o.question_id, o.position;
        """;

    private sealed record SectionRow(Guid Id, string Title, string Description);

    private sealed record QuestionRow(Guid Id, Guid SectionId, string Type, string Title, string Help, bool Required, string Settings);

    private sealed record OptionRow(Guid Id, Guid QuestionId, string Label);

    /// <summary>
    /// The phase when it is a survey or poll the caller may see (its project is published or archived, or the caller
    /// is its staff); 404 otherwise, so draft projects and other kinds of phase stay hidden alike.
    /// </summary>
    public static async Task<Phase> RequirePhaseAsync(
        IDbConnection connection,
        Guid? actorId,
        Guid phaseId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        var phase = await connection.QuerySingleOrDefaultAsync<Phase>(
            new CommandDefinition(PhaseSql, new { ActorId = actorId, PhaseId = phaseId }, tx, cancellationToken: ct)
        );
        if (
            phase is null
            || phase.Method is not (PhaseMethod.Survey or PhaseMethod.Poll)
            || (phase.ProjectStatus == "draft" && !phase.Staff)
        )
            throw new NotFoundException("No such survey.");
        return phase;
    }

    public static async Task<IReadOnlyList<SurveySection>> SectionsAsync(
        IDbConnection connection,
        Guid phaseId,
        IDbTransaction? tx,
        CancellationToken ct
    )
    {
        using var grid = await connection.QueryMultipleAsync(
            new CommandDefinition(StructureSql, new { PhaseId = phaseId }, tx, cancellationToken: ct)
        );
        var sections = (await grid.ReadAsync<SectionRow>()).ToList();
        var questions = (await grid.ReadAsync<QuestionRow>()).ToList();
        var options = (await grid.ReadAsync<OptionRow>()).ToLookup(
            o => o.QuestionId,
            o => new SurveyOption(o.Id, LocalizedText.FromJson(o.Label))
        );
        var bySection = questions.ToLookup(
            q => q.SectionId,
            q => new SurveyQuestion(
                q.Id,
                q.Type.ToEnum<QuestionType>(),
                LocalizedText.FromJson(q.Title),
                LocalizedText.FromJson(q.Help),
                q.Required,
                JsonSerializer.Deserialize<QuestionSettings>(q.Settings, Json) ?? new QuestionSettings(),
                options[q.Id].ToList()
            )
        );
        return sections
            .Select(s => new SurveySection(
                s.Id,
                LocalizedText.FromJson(s.Title),
                LocalizedText.FromJson(s.Description),
                bySection[s.Id].ToList()
            ))
            .ToList();
    }

    public static IEnumerable<SurveyQuestion> Questions(IEnumerable<SurveySection> sections) => sections.SelectMany(s => s.Questions);

    public static SurveyView View(Phase phase, IReadOnlyList<SurveySection> sections) =>
        new(
            phase.Id,
            phase.ProjectId,
            phase.Method,
            phase.Version,
            phase.Responses,
            phase.Responses > 0,
            phase.PhaseSettings.ResultsPublic == true,
            sections
        );

    /// <summary>The French title of a question (its position when it has none), to name it in messages.</summary>
    public static string Name(IReadOnlyDictionary<string, string>? title, int position) =>
        title is not null && title.TryGetValue("fr", out var fr) && !string.IsNullOrWhiteSpace(fr) ? fr.Trim() : $"#{position + 1}";
}
