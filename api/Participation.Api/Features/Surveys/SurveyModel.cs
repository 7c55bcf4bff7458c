using System.Text.Json.Serialization;
using Participation.Api.Features.Phases;

namespace Participation.Api.Features.Surveys;

/// <summary>The kinds of question a survey offers (a poll offers the two choice kinds only).</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum QuestionType
{
    SingleChoice,
    MultipleChoice,
    ShortText,
    LongText,
    LinearScale,
    Number,
    Ranking,
    MapPoint,
}

public static class QuestionTypes
{
    public static readonly QuestionType[] Poll = [QuestionType.SingleChoice, QuestionType.MultipleChoice];

    public static bool HasOptions(QuestionType type) =>
        type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Ranking;
}

/// <summary>
/// A question's type-specific rules; a field that does not apply to the type is an error when saving.
/// Multiple choice: <see cref="MinSelections"/>, <see cref="MaxSelections"/>, <see cref="AllowOther"/> (also single choice);
/// short/long text: <see cref="MaxLength"/>; linear scale: <see cref="ScalePoints"/> (2–11) with
/// <see cref="MinLabel"/> and <see cref="MaxLabel"/>; number: <see cref="Min"/>, <see cref="Max"/>, <see cref="IntegerOnly"/>.
/// </summary>
public sealed record QuestionSettings(
    int? MinSelections = null,
    int? MaxSelections = null,
    bool? AllowOther = null,
    int? MaxLength = null,
    int? ScalePoints = null,
    IReadOnlyDictionary<string, string>? MinLabel = null,
    IReadOnlyDictionary<string, string>? MaxLabel = null,
    decimal? Min = null,
    decimal? Max = null,
    bool? IntegerOnly = null
);

/// <summary>A choice of a choice or ranking question.</summary>
public sealed record SurveyOption(Guid Id, IReadOnlyDictionary<string, string> Label);

public sealed record SurveyQuestion(
    Guid Id,
    QuestionType Type,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Help,
    bool Required,
    QuestionSettings Settings,
    IReadOnlyList<SurveyOption> Options
);

/// <summary>A page of the survey; a survey without pages has one section without a title.</summary>
public sealed record SurveySection(
    Guid Id,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<SurveyQuestion> Questions
);

/// <summary>
/// A survey or poll as its phase shows it. <see cref="Version"/> is 0 before anything was saved and moves with
/// every save; <see cref="Locked"/> is true once a response was submitted: only the wording can change then.
/// </summary>
public sealed record SurveyView(
    Guid PhaseId,
    Guid ProjectId,
    PhaseMethod Method,
    int Version,
    int Responses,
    bool Locked,
    bool ResultsPublic,
    IReadOnlyList<SurveySection> Sections
);

/// <summary>
/// One answer to one question. Choice questions: <see cref="OptionIds"/> (and <see cref="OtherText"/> when
/// "other" is allowed and chosen); ranking: <see cref="OptionIds"/> in ranked order, first is best; short and
/// long text: <see cref="Text"/>; linear scale (1 to its number of points) and number: <see cref="Number"/>;
/// point on a map: <see cref="Latitude"/> and <see cref="Longitude"/>.
/// </summary>
public sealed record Answer(
    Guid QuestionId,
    IReadOnlyList<Guid>? OptionIds = null,
    string? OtherText = null,
    string? Text = null,
    decimal? Number = null,
    double? Latitude = null,
    double? Longitude = null
);

/// <summary>The answers of a response (a draft is checked for shape, a submission also for required questions).</summary>
public sealed record AnswersRequest(IReadOnlyList<Answer> Answers);

/// <summary>Where the caller's response stands: none yet, a draft to finish, or submitted.</summary>
[JsonConverter(typeof(WireEnumConverter))]
public enum ResponseStatus
{
    None,
    Draft,
    Submitted,
}

/// <summary>The caller's own response to a survey or poll.</summary>
public sealed record MyResponse(
    Guid PhaseId,
    ResponseStatus Status,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<Answer> Answers
);
