namespace Participation.Api.Features.ContentCalendar;

/// <summary>The feed's texts in French, Dutch and English (the web app has its own, in its locale files).</summary>
public static class ContentCalendarTexts
{
    private static readonly Dictionary<string, (string Fr, string Nl, string En)> Texts = new()
    {
        ["name"] = ("Calendrier éditorial", "Redactionele kalender", "Content calendar"),
        ["phase_start"] = ("Début de phase", "Begin van fase", "Phase starts"),
        ["phase_end"] = ("Fin de phase", "Einde van fase", "Phase ends"),
        ["event"] = ("Événement", "Evenement", "Event"),
        ["campaign_scheduled"] = ("Campagne programmée", "Geplande campagne", "Campaign scheduled"),
        ["campaign_sent"] = ("Campagne envoyée", "Verzonden campagne", "Campaign sent"),
        ["briefing_planned"] = ("Briefings des élus prévus", "Geplande briefings voor verkozenen", "Officials' briefings planned"),
        ["briefing_sent"] = ("Briefings des élus envoyés", "Verzonden briefings voor verkozenen", "Officials' briefings sent"),
        ["cancelled"] = ("annulé", "geannuleerd", "cancelled"),
    };

    private static string Get(string key, string language)
    {
        var t = Texts[key];
        return language switch
        {
            "nl" => t.Nl,
            "en" => t.En,
            _ => t.Fr,
        };
    }

    public static string Name(string language) => Get("name", language);

    /// <summary>"Kind: title (project)", or for briefings "Kind: first day – last day".</summary>
    public static string Summary(ContentCalendarItem item, string language)
    {
        var label = Get(item.Kind.ToWire(), language);
        var what =
            item.PeriodFrom is { } from && item.PeriodTo is { } to ? $"{from:yyyy-MM-dd} – {to:yyyy-MM-dd}"
            : item.ProjectTitle is { } project ? $"{item.Title} ({project})"
            : item.Title;
        var text = $"{label}: {what}";
        return item.Cancelled ? $"{text} ({Get("cancelled", language)})" : text;
    }
}
