using System.Text.Json;
using Dapper;
using Participation.Api.Tests.Features.Ideas;
using Participation.Api.Tests.Infrastructure;

namespace Participation.Api.Tests.Features.Surveys;

/// <summary>
/// The <see cref="IdeaCity"/> (P1 in D1 with its moderator, P2 in D2, residents A and B) whose ideation phase in P1 is
/// over and followed by an open survey (or poll) phase. Questions, options and responses are written with SQL, as
/// the builder and the answering endpoints are not the subject here.
/// </summary>
internal sealed class SurveyResultsKit
{
    public required IdeaCity C { get; init; }
    public required Guid Phase { get; init; }
    private ApiFactory Api => C.Api;
    private int _questions;
    private int _responses;

    public static async Task<SurveyResultsKit> CreateAsync(
        ApiFactory api,
        string method = "survey",
        bool resultsPublic = false,
        string p1Status = "published"
    )
    {
        var c = await IdeaCity.CreateAsync(api, p1Status: p1Status);
        await using (var connection = await api.OpenAsync())
            await connection.ExecuteAsync(
                "UPDATE phases SET starts_at = now() - interval '10 days', ends_at = now() - interval '1 hour' WHERE id = @Phase1",
                new { c.Phase1 }
            );
        var now = DateTimeOffset.UtcNow;
        var phase = await IdeaCity.PhaseAsync(
            c.Admin,
            c.P1,
            method,
            now.AddMinutes(-30),
            now.AddDays(10),
            resultsPublic ? new { resultsPublic = true } : null
        );
        await using (var connection = await api.OpenAsync())
            await connection.ExecuteAsync(
                """
                INSERT INTO surveys (phase_id, project_id) VALUES (@Phase, @P1);
                INSERT INTO survey_sections (id, phase_id, position) VALUES (gen_random_uuid(), @Phase, 0);
                """,
                new { Phase = phase, c.P1 }
            );
        return new SurveyResultsKit { C = c, Phase = phase };
    }

    public async Task PublishAsync(bool published = true)
    {
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE phases SET settings = settings || jsonb_build_object('resultsPublic', @Published) WHERE id = @Phase",
            new { Phase, Published = published }
        );
    }

    /// <summary>A question at the end of the survey, with its options in order; returns its id and its options' ids.</summary>
    public async Task<(Guid Id, Guid[] Options)> QuestionAsync(string type, string title, object? settings = null, params string[] options)
    {
        var id = Guid.NewGuid();
        var optionIds = options.Select(_ => Guid.NewGuid()).ToArray();
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO survey_questions (id, phase_id, section_id, position, type, title, settings)
            SELECT @Id, @Phase, s.id, @Position, @Type, CAST(@Title AS jsonb), CAST(@Settings AS jsonb)
              FROM survey_sections s WHERE s.phase_id = @Phase;
            INSERT INTO survey_options (id, question_id, position, label)
            SELECT o.id, @Id, o.n - 1, jsonb_build_object('fr', o.label, 'nl', o.label || ' (nl)', 'en', o.label || ' (en)')
              FROM unnest(@OptionIds, @Labels) WITH ORDINALITY AS o(id, label, n);
            """,
            new
            {
                Id = id,
                Phase,
                Position = _questions++,
                Type = type,
                Title = JsonSerializer.Serialize(
                    new
                    {
                        fr = title,
                        nl = title + " (nl)",
                        en = title + " (en)",
                    }
                ),
                Settings = JsonSerializer.Serialize(settings ?? new { }),
                OptionIds = optionIds,
                Labels = options,
            }
        );
        return (id, optionIds);
    }

    /// <summary>One value of an answer: an option (with a rank for ranking), a text, a number or a point.</summary>
    public sealed record Value(
        Guid Question,
        Guid? Option = null,
        int? Rank = null,
        decimal? Number = null,
        string? Text = null,
        double? Latitude = null,
        double? Longitude = null
    );

    /// <summary>A response (submitted a minute after the previous one, or a draft of <paramref name="user"/>) with its values.</summary>
    public async Task<Guid> RespondAsync(Value[] values, bool submitted = true, Guid? user = null)
    {
        var id = Guid.NewGuid();
        await using var connection = await Api.OpenAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO survey_responses (id, phase_id, user_id, status, submitted_at)
            VALUES (@Id, @Phase, @User, CASE WHEN @Submitted THEN 'submitted' ELSE 'draft' END,
                    CASE WHEN @Submitted THEN timestamptz '2030-01-01 12:00:00+00' + make_interval(mins => @N) END);
            """,
            new
            {
                Id = id,
                Phase,
                User = user,
                Submitted = submitted,
                N = _responses++,
            }
        );
        await connection.ExecuteAsync(
            """
            INSERT INTO survey_answers (response_id, question_id, option_id, rank, number, text, latitude, longitude)
            VALUES (@ResponseId, @Question, @Option, @Rank, @Number, @Text, @Latitude, @Longitude);
            """,
            values.Select(v => new
            {
                ResponseId = id,
                v.Question,
                v.Option,
                v.Rank,
                v.Number,
                v.Text,
                v.Latitude,
                v.Longitude,
            })
        );
        return id;
    }

    public static Value Choice(Guid question, Guid option) => new(question, option);

    public static Value Other(Guid question, string text) => new(question, Text: text);

    public static Value Number(Guid question, decimal number) => new(question, Number: number);

    public static Value Text(Guid question, string text) => new(question, Text: text);

    public static Value Point(Guid question, double latitude, double longitude) => new(question, Latitude: latitude, Longitude: longitude);

    public static Value[] Ranking(Guid question, params Guid[] ranked) => ranked.Select((o, i) => new Value(question, o, i + 1)).ToArray();
}
