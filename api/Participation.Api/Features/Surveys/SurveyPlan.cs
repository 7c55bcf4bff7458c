using FluentValidation.Results;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// What <see cref="SaveSurvey"/> writes: every section, question and option of the request with its id (kept when
/// given and part of this questionnaire, new otherwise) and the question settings with their defaults; and the rule
/// that, once responses exist, only the wording may differ from what is stored.
/// </summary>
internal sealed record SurveyPlan(
    IReadOnlyList<SurveyPlan.Section> Sections,
    IReadOnlyList<SurveyPlan.Question> Questions,
    IReadOnlyList<SurveyPlan.Option> Options,
    Guid[] Reshaped
)
{
    public sealed record Section(Guid Id, SaveSurvey.SectionInput Input);

    public sealed record Question(Guid Id, Guid SectionId, QuestionSettings Settings, SaveSurvey.QuestionInput Input);

    public sealed record Option(Guid Id, Guid QuestionId, int Position, SaveSurvey.OptionInput Input);

    public const int ShortTextLength = 200,
        LongTextLength = 5000;

    /// <summary>Settings as stored: the text length defaults filled in.</summary>
    public static QuestionSettings Normalize(QuestionType type, QuestionSettings? s)
    {
        s ??= new QuestionSettings();
        return type switch
        {
            QuestionType.ShortText => s with { MaxLength = s.MaxLength ?? ShortTextLength },
            QuestionType.LongText => s with { MaxLength = s.MaxLength ?? LongTextLength },
            _ => s,
        };
    }

    /// <summary>Assigns ids; an id that is not this questionnaire's (or given twice) is a 400 on its field.</summary>
    public static SurveyPlan Build(IReadOnlyList<SaveSurvey.SectionInput> input, IReadOnlyList<SurveySection> existing)
    {
        var sectionIds = existing.Select(s => s.Id).ToHashSet();
        var questions = Questionnaire.Questions(existing).ToDictionary(q => q.Id);
        var optionOwner = questions
            .Values.SelectMany(q => q.Options.Select(o => (o.Id, Question: q.Id)))
            .ToDictionary(x => x.Id, x => x.Question);
        var seen = new HashSet<Guid>();
        var failures = new List<ValidationFailure>();
        Guid Take(Guid? id, bool known, string path)
        {
            if (id is not { } given)
                return Guid.CreateVersion7();
            if (!known)
                failures.Add(new ValidationFailure($"{path}.id", Messages.Get("survey_unknown_id")));
            else if (!seen.Add(given))
                failures.Add(new ValidationFailure($"{path}.id", Messages.Get("survey_duplicate_id")));
            return given;
        }

        var (sections, planned, options) = (new List<Section>(), new List<Question>(), new List<Option>());
        for (var s = 0; s < input.Count; s++)
        {
            var section = new Section(Take(input[s].Id, input[s].Id is { } sid && sectionIds.Contains(sid), $"sections[{s}]"), input[s]);
            sections.Add(section);
            for (var q = 0; q < input[s].Questions!.Count; q++)
            {
                var qi = input[s].Questions![q];
                var path = $"sections[{s}].questions[{q}]";
                var id = Take(qi.Id, qi.Id is { } qid && questions.ContainsKey(qid), path);
                planned.Add(new Question(id, section.Id, Normalize(qi.Type!.Value, qi.Settings), qi));
                var ois = qi.Options ?? [];
                for (var o = 0; o < ois.Count; o++)
                    options.Add(
                        new Option(
                            Take(ois[o].Id, ois[o].Id is { } oid && optionOwner.GetValueOrDefault(oid) == id, $"{path}.options[{o}]"),
                            id,
                            o,
                            ois[o]
                        )
                    );
            }
        }
        if (failures.Count > 0)
            throw new ValidationException(failures);
        var reshaped = planned
            .Where(p => questions.TryGetValue(p.Id, out var old) && (old.Type != p.Input.Type || !SameRules(old.Settings, p.Settings)))
            .Select(p => p.Id)
            .ToArray();
        return new SurveyPlan(sections, planned, options, reshaped);
    }

    /// <summary>
    /// After the first response: the same sections, questions and options in the same order, with the same types,
    /// required flags and settings; only titles, help texts, descriptions, option labels and scale end labels may
    /// differ. Otherwise a 409 naming the first question concerned (its French title) and saying what may change.
    /// </summary>
    public static void RequireWordingOnly(
        IReadOnlyList<SaveSurvey.SectionInput> input,
        IReadOnlyList<SurveySection> existing,
        SurveyPlan plan
    )
    {
        if (!plan.Sections.Select(s => s.Id).SequenceEqual(existing.Select(s => s.Id)) || input.Any(s => s.Id is null))
            throw new ConflictException(Messages.Get("survey_locked_sections"), "sections");
        var stored = Questionnaire.Questions(existing).ToList();
        var sectionOf = existing.SelectMany(s => s.Questions.Select(q => (q.Id, Section: s.Id))).ToDictionary(x => x.Id, x => x.Section);
        var paths = input.SelectMany((s, si) => s.Questions!.Select((q, qi) => $"sections[{si}].questions[{qi}]")).ToList();
        for (var i = 0; i < Math.Max(stored.Count, plan.Questions.Count); i++)
        {
            var now = i < plan.Questions.Count ? plan.Questions[i] : null;
            var old = i < stored.Count ? stored[i] : null;
            var same =
                now is not null
                && old is not null
                && now.Input.Id == old.Id
                && sectionOf[old.Id] == now.SectionId
                && now.Input.Type == old.Type
                && now.Input.Required == old.Required
                && SameRules(old.Settings, now.Settings)
                && plan.Options.Where(o => o.QuestionId == now.Id)
                    .Select(o => o.Input.Id)
                    .SequenceEqual(old.Options.Select(o => (Guid?)o.Id));
            if (same)
                continue;
            var name =
                now is not null && (old is null || now.Input.Id is null)
                    ? Questionnaire.Name(now.Input.Title, i)
                    : Questionnaire.Name(old!.Title, i);
            throw new ConflictException(Messages.Get("survey_locked", name), now is not null ? paths[i] : "sections");
        }
    }

    /// <summary>Settings equal but for the scale's end labels (wording).</summary>
    private static bool SameRules(QuestionSettings a, QuestionSettings b) =>
        a with { MinLabel = null, MaxLabel = null } == b with { MinLabel = null, MaxLabel = null };
}
