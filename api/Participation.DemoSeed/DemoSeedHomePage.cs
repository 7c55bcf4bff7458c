using System.Data;
using System.Text.Json;
using Dapper;
using Participation.Api.Infrastructure.Storage;
using SkiaSharp;

namespace Participation.Demo;

/// <summary>
/// The demo city's home page, published in French, Dutch and English: a banner with an image drawn here (a park under a
/// morning sky, no download) stored through the platform's storage as an uploaded image is, two pinned projects and every
/// section. Idempotent: a language whose home page exists (perhaps edited since) is left as it is.
/// </summary>
internal static class DemoSeedHomePage
{
    /// <summary>The banner's media key (32 hex digits, as uploads are named).</summary>
    public const string ImageKey = "be11e7111e000000000000000000b001.jpg";

    private const string MediaSql = """
        INSERT INTO media (key, content_type, size_bytes, width, height)
        VALUES (@Key, 'image/jpeg', @Size, @Width, @Height) ON CONFLICT (key) DO NOTHING;
        """;

    private const string PinnedSql = """
        SELECT id FROM projects WHERE status = 'published' ORDER BY published_at DESC NULLS LAST, id LIMIT 2;
        """;

    private const string HomeSql = """
        INSERT INTO home_pages (language, draft, published, version, published_at)
        VALUES (@Language, @Layout::jsonb, @Layout::jsonb, 1, now()) ON CONFLICT (city_id, language) DO NOTHING;
        """;

    private static readonly (string Language, string Alt, string Title, string Text, string Cta)[] Texts =
    [
        (
            "fr",
            "Le parc de Belleville au lever du soleil : pelouses, arbres et allées",
            "Belleville se construit avec vous",
            "<p>Proposez vos idées pour les parcs, la culture et la mobilité, votez pour les projets qui comptent et suivez les "
                + "décisions du conseil communal.</p>",
            "Découvrir les projets"
        ),
        (
            "nl",
            "Het park van Belleville bij zonsopgang: gazons, bomen en paden",
            "Belleville bouwen we samen",
            "<p>Stel ideeën voor over parken, cultuur en mobiliteit, stem op de projecten die ertoe doen en volg de beslissingen "
                + "van de gemeenteraad.</p>",
            "Ontdek de projecten"
        ),
        (
            "en",
            "Belleville park at sunrise: lawns, trees and paths",
            "Building Belleville together",
            "<p>Propose ideas for parks, culture and mobility, vote for the projects that matter and follow the council's "
                + "decisions.</p>",
            "Discover the projects"
        ),
    ];

    /// <summary>A wide JPEG (1600 × 600): a sky gradient, a sun, two hills, trees and a path.</summary>
    public static byte[] Banner()
    {
        const int width = 1600,
            height = 600;
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        using (var sky = new SKPaint())
        {
            sky.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0),
                new SKPoint(0, height),
                [new SKColor(0xFF, 0xC9, 0x8B), new SKColor(0x9F, 0xD3, 0xF0)],
                SKShaderTileMode.Clamp
            );
            canvas.DrawRect(0, 0, width, height, sky);
        }
        using var paint = new SKPaint { IsAntialias = true };
        paint.Color = new SKColor(0xFF, 0xF1, 0xB8);
        canvas.DrawCircle(1250, 190, 90, paint);
        paint.Color = new SKColor(0x5E, 0x9E, 0x4F);
        canvas.DrawOval(new SKRect(-300, 380, 1000, 900), paint);
        paint.Color = new SKColor(0x3F, 0x7F, 0x3A);
        canvas.DrawOval(new SKRect(600, 420, 2000, 950), paint);
        paint.Color = new SKColor(0xE8, 0xD8, 0xB0);
        using (var path = new SKPath())
        {
            path.MoveTo(700, height);
            path.CubicTo(760, 520, 900, 470, 1100, 440);
            path.LineTo(1140, 450);
            path.CubicTo(960, 490, 860, 540, 820, height);
            path.Close();
            canvas.DrawPath(path, paint);
        }
        foreach (var (x, y, r) in new[] { (220f, 380f, 70f), (380f, 360f, 90f), (1400f, 400f, 80f), (1520f, 420f, 60f) })
        {
            paint.Color = new SKColor(0x6B, 0x4A, 0x2F);
            canvas.DrawRect(x - 8, y, 16, r * 1.2f, paint);
            paint.Color = new SKColor(0x2F, 0x6B, 0x2F);
            canvas.DrawCircle(x, y, r, paint);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    public static async Task RunAsync(IDbConnection connection, IDbTransaction tx, IFileStorage storage)
    {
        var bytes = Banner();
        await storage.SaveAsync($"media/{ImageKey}", new MemoryStream(bytes), CancellationToken.None);
        await connection.ExecuteAsync(
            MediaSql,
            new
            {
                Key = ImageKey,
                Size = bytes.Length,
                Width = 1600,
                Height = 600,
            },
            tx
        );
        var pinned = (await connection.QueryAsync<Guid>(PinnedSql, transaction: tx)).ToArray();
        string[] kinds = ["open_projects", "closing_soon", "upcoming_events", "results_and_decisions", "figures"];
        foreach (var (language, alt, title, text, cta) in Texts)
        {
            var layout = new
            {
                banner = new
                {
                    imageKey = ImageKey,
                    imageAlt = alt,
                    title,
                    text,
                    ctaLabel = cta,
                    ctaLink = "/projects",
                },
                pinnedProjectIds = pinned,
                sections = kinds.Select(kind => new
                {
                    kind,
                    visible = true,
                    heading = (string?)null,
                }),
            };
            await connection.ExecuteAsync(
                HomeSql,
                new { Language = language, Layout = JsonSerializer.Serialize(layout, JsonSerializerOptions.Web) },
                tx
            );
        }
    }
}
