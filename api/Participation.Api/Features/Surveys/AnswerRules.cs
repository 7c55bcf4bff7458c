using FluentValidation.Results;

namespace Participation.Api.Features.Surveys;

/// <summary>One stored value of an answer: an <c>survey_answers</c> row (see the 0009 migration for its shape).</summary>
public sealed record AnswerValue(
    Guid QuestionId,
    Guid? OptionId = null,
    int? Rank = null,
    decimal? Number = null,
    string? Text = null,
    double? Latitude = null,
    double? Longitude = null
);

/// <summary>
/// Checks a response's answers against the questionnaire and turns them into the rows to store, for survey drafts,
/// survey submissions and polls alike. Every problem is a field error under <c>answers.{questionId}</c> (one per
/// question), thrown as a <see cref="ValidationException"/> (400 problem+json with <c>errors</c>) before anything
/// is written.
/// </summary>
/// <remarks>
/// An answer with no value at all (no option, blank texts, no number, no point) counts as not answered. Only a
/// submission requires the required questions; a draft may leave them out. "Other" counts as one selection and is
/// only accepted when the question allows it (at most 500 characters, one line). A ranking answer orders
/// <b>every</b> option of its question, each once (so Borda scores and average ranks compare like with like).
/// Texts are stored trimmed; short texts are one line, long texts may hold line breaks and tabs, and no other
/// control or text-direction character is accepted.
/// </remarks>
public static class AnswerRules
{
    public const int OtherTextLength = 500;

    /// <summary>Fits the <c>numeric(18, 6)</c> column: fewer than 13 integer digits, at most 6 decimals.</summary>
    public static bool Storable(decimal? n) => n is not { } v || (Math.Abs(v) < 1_000_000_000_000m && decimal.Round(v, 6) == v);

    public static IReadOnlyList<AnswerValue> Check(IEnumerable<SurveyQuestion> questions, AnswersRequest? request, bool submit)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var failures = new Dictionary<string, string>();
        var rows = new List<AnswerValue>();
        var answered = new HashSet<Guid>();
        var seen = new HashSet<Guid>();
        if (request?.Answers is null)
            throw new ValidationException([new ValidationFailure("answers", Messages.Get("required"))]);
        foreach (var answer in request.Answers)
        {
            if (answer is null)
            {
                failures.TryAdd("answers", Messages.Get("required"));
                continue;
            }
            var key = $"answers.{answer.QuestionId}";
            string? error =
                !byId.TryGetValue(answer.QuestionId, out var question) ? Messages.Get("answer_unknown_question")
                : !seen.Add(answer.QuestionId) ? Messages.Get("answer_duplicate")
                : Check(question, answer, rows, answered);
            if (error is not null)
                failures.TryAdd(key, error);
        }
        if (submit)
            foreach (var q in byId.Values.Where(q => q.Required && !answered.Contains(q.Id)))
                failures.TryAdd($"answers.{q.Id}", Messages.Get("required"));
        if (failures.Count > 0)
            throw new ValidationException(failures.Select(f => new ValidationFailure(f.Key, f.Value)));
        return rows;
    }

    /// <summary>The error for one answer, or null after adding its rows (none when it holds no value).</summary>
    private static string? Check(SurveyQuestion q, Answer a, List<AnswerValue> rows, HashSet<Guid> answered)
    {
        var options = a.OptionIds ?? [];
        var other = string.IsNullOrWhiteSpace(a.OtherText) ? null : a.OtherText.Trim();
        var text = string.IsNullOrWhiteSpace(a.Text) ? null : a.Text.Trim();
        var point = a.Latitude is not null || a.Longitude is not null;
        var choice = q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
        var misfit =
            (options.Count > 0 && !QuestionTypes.HasOptions(q.Type))
            || (other is not null && !choice)
            || (text is not null && q.Type is not (QuestionType.ShortText or QuestionType.LongText))
            || (a.Number is not null && q.Type is not (QuestionType.LinearScale or QuestionType.Number))
            || (point && q.Type != QuestionType.MapPoint);
        if (misfit)
            return Messages.Get("answer_value_type");
        if (options.Count == 0 && other is null && text is null && a.Number is null && !point)
            return null;

        var s = q.Settings;
        var offered = q.Options.Select(o => o.Id).ToHashSet();
        if (options.Distinct().Count() != options.Count)
            return Messages.Get("answer_duplicate_option");
        if (options.Any(o => !offered.Contains(o)))
            return Messages.Get("answer_unknown_option");
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                if (other is not null && s.AllowOther != true)
                    return Messages.Get("answer_other_not_allowed");
                if (other is not null && other.Length > OtherTextLength)
                    return Messages.Get("answer_too_long", OtherTextLength);
                if (other is not null && other.Any(TextRules.IsForbidden))
                    return Messages.Get("single_line");
                var chosen = options.Count + (other is null ? 0 : 1);
                if (q.Type == QuestionType.SingleChoice && chosen != 1)
                    return Messages.Get("answer_one_choice");
                var (min, max) = (s.MinSelections ?? 1, s.MaxSelections ?? offered.Count + (s.AllowOther == true ? 1 : 0));
                if (q.Type == QuestionType.MultipleChoice && (chosen < min || chosen > max))
                    return Messages.Get("answer_selections", min, max);
                rows.AddRange(options.Select(o => new AnswerValue(q.Id, OptionId: o)));
                if (other is not null)
                    rows.Add(new AnswerValue(q.Id, Text: other));
                break;
            case QuestionType.Ranking:
                if (options.Count != offered.Count)
                    return Messages.Get("answer_ranking");
                rows.AddRange(options.Select((o, i) => new AnswerValue(q.Id, OptionId: o, Rank: i + 1)));
                break;
            case QuestionType.ShortText or QuestionType.LongText:
                var length = s.MaxLength ?? (q.Type == QuestionType.ShortText ? SurveyPlan.ShortTextLength : SurveyPlan.LongTextLength);
                if (text!.Length > length)
                    return Messages.Get("answer_too_long", length);
                if (text.Any(c => TextRules.IsForbidden(c) && (q.Type == QuestionType.ShortText || c is not ('\n' or '\r' or '\t'))))
                    return Messages.Get("single_line");
                rows.Add(new AnswerValue(q.Id, Text: text));
                break;
            case QuestionType.LinearScale:
                var points = s.ScalePoints ?? 0;
                if (a.Number is not { } n || n != decimal.Truncate(n) || n < 1 || n > points)
                    return Messages.Get("answer_scale", points);
                rows.Add(new AnswerValue(q.Id, Number: n));
                break;
            case QuestionType.Number:
                if (!Storable(a.Number) || a.Number < s.Min || a.Number > s.Max)
                    return Messages.Get("answer_number_range");
                if (s.IntegerOnly == true && a.Number != decimal.Truncate(a.Number!.Value))
                    return Messages.Get("answer_integer");
                rows.Add(new AnswerValue(q.Id, Number: a.Number));
                break;
            case QuestionType.MapPoint:
                if (a.Latitude is not (>= -90 and <= 90) || a.Longitude is not (>= -180 and <= 180))
                    return Messages.Get("answer_point");
                rows.Add(new AnswerValue(q.Id, Latitude: a.Latitude, Longitude: a.Longitude));
                break;
        }
        answered.Add(q.Id);
        return null;
    }
}
