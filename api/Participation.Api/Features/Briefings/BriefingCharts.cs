using System.Globalization;
using Participation.Api.Features.Figures;
using ScottPlot;
using SkiaSharp;

namespace Participation.Api.Features.Briefings;

/// <summary>A chart drawn on the server: the PNG, its Content-ID in the e-mail and the alt text that states its data.</summary>
public sealed record BriefingChart(string ContentId, string Title, string Alt, byte[] Png);

/// <summary>
/// The briefing's charts, drawn with ScottPlot (SkiaSharp, no browser) as PNG images. Text is drawn with the DejaVu Sans
/// font embedded in the API (Fonts/, Bitstream Vera licence), so rendering needs no font installed on the machine.
/// </summary>
public static class BriefingCharts
{
    private const string FontName = "Participation Sans";
    private const int Width = 600;
    private const int Height = 260;

    static BriefingCharts() => Fonts.FontResolvers.Insert(0, new EmbeddedFont());

    /// <summary>The charts for a scope's figures in <paramref name="language"/>: participants per week, ideas by status.</summary>
    public static IReadOnlyList<BriefingChart> Draw(FigureSet figures, string language)
    {
        var charts = new List<BriefingChart>();
        if (figures.Weeks.Count > 0)
        {
            var values = figures.Weeks.Select(w => (double)w.Participants).ToArray();
            var labels = figures.Weeks.Select(w => w.Week.ToString("dd/MM", CultureInfo.InvariantCulture)).ToArray();
            var alt = BriefingTexts.T(
                language,
                "chart.participants.alt",
                BriefingTexts.Day(language, figures.Weeks[0].Week),
                string.Join(", ", figures.Weeks.Select(w => w.Participants.ToString(CultureInfo.InvariantCulture)))
            );
            var title = BriefingTexts.T(language, "chart.participants");
            charts.Add(new BriefingChart("participants-per-week@briefing", title, alt, Bars(title, values, labels)));
        }
        var statuses = figures.IdeasByStatus.Where(s => s.Count > 0).ToList();
        if (statuses.Count > 0)
        {
            var names = statuses.Select(s => BriefingTexts.T(language, "status." + s.Status.ToWire())).ToArray();
            var alt = BriefingTexts.T(
                language,
                "chart.statuses.alt",
                string.Join(", ", statuses.Select((s, i) => $"{names[i]} {s.Count.ToString(CultureInfo.InvariantCulture)}"))
            );
            var title = BriefingTexts.T(language, "chart.statuses");
            charts.Add(
                new BriefingChart(
                    "ideas-by-status@briefing",
                    title,
                    alt,
                    Bars(title, statuses.Select(s => (double)s.Count).ToArray(), names)
                )
            );
        }
        return charts;
    }

    private static byte[] Bars(string title, double[] values, string[] labels)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        var bars = plot.Add.Bars(values);
        bars.Color = new Color(0x1D, 0x4E, 0x89);
        foreach (var bar in bars.Bars)
            bar.LineWidth = 0;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, values.DefaultIfEmpty(0).Max()) * 1.1);
        plot.Title(title);
        plot.Font.Set(FontName);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Resolves the briefing's font name to the embedded DejaVu Sans (whatever the weight or slant).</summary>
    private sealed class EmbeddedFont : IFontResolver
    {
        private readonly SKTypeface _typeface = Load();

        private static SKTypeface Load()
        {
            using var stream = typeof(BriefingCharts).Assembly.GetManifestResourceStream(
                "Participation.Api.Features.Briefings.Fonts.DejaVuSans.ttf"
            ) ?? throw new InvalidOperationException("The embedded font is missing.");
            return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The embedded font does not load.");
        }

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == FontName ? _typeface : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == FontName ? _typeface : null;
    }
}
