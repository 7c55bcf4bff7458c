using FluentValidation.Results;
using static Participation.Api.Features.Surveys.SaveSurvey;

namespace Participation.Api.Features.Surveys;

/// <summary>
/// The field rules of <see cref="SaveSurvey"/> per section and question: multilingual texts, the type, options only
/// (and 2–50 of them) for choice and ranking questions, and only the settings that apply to the type, in range.
/// </summary>
internal static class SurveyRules
{
    internal sealed class SectionRules : AbstractValidator<SectionInput>
    {
        public SectionRules()
        {
            RuleFor(s => s.Title).Localized(300).When(s => s.Title is { Count: > 0 });
            RuleFor(s => s.Description).Localized(1000, singleLine: false).When(s => s.Description is { Count: > 0 });
            RuleFor(s => s.Questions).NotNull().WithMessage(_ => Messages.Get("required"));
            RuleForEach(s => s.Questions).NotNull().WithMessage(_ => Messages.Get("required")).SetValidator(new QuestionRules());
        }
    }

    internal sealed class QuestionRules : AbstractValidator<QuestionInput>
    {
        public QuestionRules()
        {
            RuleFor(q => q.Type).Must(t => t is { } type && Enum.IsDefined(type)).WithMessage(_ => Messages.Get("question_type"));
            RuleFor(q => q.Title).Localized(300);
            RuleFor(q => q.Help).Localized(1000, singleLine: false).When(q => q.Help is { Count: > 0 });
            When(
                    q => q.Type is { } type && QuestionTypes.HasOptions(type),
                    () =>
                    {
                        RuleFor(q => q.Options)
                            .Must(o => o is { Count: >= MinOptions and <= MaxOptions })
                            .WithMessage(_ => Messages.Get("options_count"));
                        RuleForEach(q => q.Options)
                            .NotNull()
                            .WithMessage(_ => Messages.Get("required"))
                            .ChildRules(o => o.RuleFor(x => x.Label).Localized(300));
                    }
                )
                .Otherwise(() =>
                    RuleFor(q => q.Options).Must(o => o is null || o.Count == 0).WithMessage(_ => Messages.Get("options_not_for_type"))
                );
            RuleFor(q => q.Settings)
                .Custom(
                    (s, context) =>
                    {
                        var q = context.InstanceToValidate;
                        if (s is null || q.Type is not { } type || !Enum.IsDefined(type))
                            return;
                        void Fail(string field, string key) =>
                            context.AddFailure(new ValidationFailure($"{context.PropertyPath}.{field}", Messages.Get(key)));
                        var choice = q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;
                        var text = q.Type is QuestionType.ShortText or QuestionType.LongText;
                        var scale = q.Type == QuestionType.LinearScale;
                        var number = q.Type == QuestionType.Number;
                        if (s.MinSelections is not null && q.Type != QuestionType.MultipleChoice)
                            Fail("minSelections", "setting_not_for_type");
                        if (s.MaxSelections is not null && q.Type != QuestionType.MultipleChoice)
                            Fail("maxSelections", "setting_not_for_type");
                        if (s.AllowOther is not null && !choice)
                            Fail("allowOther", "setting_not_for_type");
                        if (s.MaxLength is not null && !text)
                            Fail("maxLength", "setting_not_for_type");
                        if (s.ScalePoints is not null && !scale)
                            Fail("scalePoints", "setting_not_for_type");
                        if (s.MinLabel is not null && !scale)
                            Fail("minLabel", "setting_not_for_type");
                        if (s.MaxLabel is not null && !scale)
                            Fail("maxLabel", "setting_not_for_type");
                        if (s.Min is not null && !number)
                            Fail("min", "setting_not_for_type");
                        if (s.Max is not null && !number)
                            Fail("max", "setting_not_for_type");
                        if (s.IntegerOnly is not null && !number)
                            Fail("integerOnly", "setting_not_for_type");
                        var options = q.Options?.Count ?? 0;
                        if (q.Type == QuestionType.MultipleChoice && options >= MinOptions)
                        {
                            if (s.MinSelections is { } min && (min < 1 || min > options || min > (s.MaxSelections ?? options)))
                                Fail("minSelections", "selections_range");
                            if (s.MaxSelections is { } max && (max < 1 || max > options))
                                Fail("maxSelections", "selections_range");
                        }
                        if (text && s.MaxLength is < 1 or > 10000)
                            Fail("maxLength", "between_1_10000");
                        if (scale && s.ScalePoints is not (>= 2 and <= 11))
                            Fail("scalePoints", "scale_points");
                        if (scale && s.MinLabel is not null && !LabelOk(s.MinLabel))
                            Fail("minLabel", "too_long");
                        if (scale && s.MaxLabel is not null && !LabelOk(s.MaxLabel))
                            Fail("maxLabel", "too_long");
                        if (number && (!AnswerRules.Storable(s.Min) || !AnswerRules.Storable(s.Max) || s.Min >= s.Max))
                            Fail("max", "number_range");
                    }
                );
            RuleFor(q => q.Settings)
                .Must(s => s?.ScalePoints is not null)
                .WithMessage(_ => Messages.Get("scale_points"))
                .OverridePropertyName("settings.scalePoints")
                .When(q => q.Type == QuestionType.LinearScale && q.Settings is null);
        }

        private static bool LabelOk(IReadOnlyDictionary<string, string> label) =>
            label.Keys.All(TextRules.Locales.Contains)
            && label.Values.All(v => v is not null && v.Trim().Length <= 100 && !v.Any(TextRules.IsForbidden));
    }
}
