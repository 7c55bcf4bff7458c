using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Participation.Api.Infrastructure.Email;
using Participation.Api.Infrastructure.Jobs;
using Participation.Api.Infrastructure.Storage;

namespace Participation.Api.Features.PersonalData;

/// <summary>
/// Writes queued exports of a person's data, one per pass: the export is claimed with <c>FOR UPDATE SKIP LOCKED</c> (one
/// instance writes it), every <see cref="PersonalDataSections"/> section is read in that transaction, a zip
/// (<c>index.html</c> to read in any browser, <c>data.json</c> for programs) is stored, the export becomes ready for
/// <see cref="RetentionDays"/> days and the person is e-mailed a link to their profile, all in one commit. Each pass
/// also expires ready exports past their date and deletes their files.
/// </summary>
public sealed class PersonalExportJob(CityDb db, IFileStorage storage, CityAddresses addresses, ILogger<PersonalExportJob> logger)
    : IPeriodicJob
{
    public const int RetentionDays = 7;

    private const string ExpireSql = """
        WITH due AS MATERIALIZED (SELECT id, file_key FROM personal_data_exports WHERE status = 'ready' AND expires_at <= now()
                      LIMIT 100 FOR UPDATE SKIP LOCKED)
        UPDATE personal_data_exports e SET status = 'expired', file_key = NULL FROM due WHERE e.id = due.id
        RETURNING due.file_key;
        """;

    private const string ClaimSql = """
        SELECT e.id, e.user_id, e.language, u.email, u.first_name, (SELECT name FROM platform_settings) AS platform
          FROM personal_data_exports e JOIN users u ON u.id = e.user_id
         WHERE e.status = 'queued' ORDER BY e.created_at, e.id LIMIT 1 FOR UPDATE OF e SKIP LOCKED;
        """;

    private const string ReadySql = """
        UPDATE personal_data_exports
           SET status = 'ready', file_key = @FileKey, size_bytes = @Size, finished_at = now(),
               expires_at = now() + make_interval(days => @RetentionDays)
         WHERE id = @Id;
        """;

    private const string FailedSql = "UPDATE personal_data_exports SET status = 'failed', finished_at = now() WHERE id = @Id;";

    private sealed record Claim(Guid Id, Guid UserId, string Language, string Email, string FirstName, string Platform);

    public string Name => "personal data exports";

    public TimeSpan Interval(JobOptions o) => TimeSpan.FromSeconds(5);

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using (var expiring = await connection.BeginTransactionAsync(ct))
        {
            var files = await connection.QueryAsync<string>(new CommandDefinition(ExpireSql, transaction: expiring, cancellationToken: ct));
            foreach (var file in files)
                await storage.DeleteAsync(file, ct);
            await expiring.CommitAsync(ct);
        }
        await using var tx = await connection.BeginTransactionAsync(ct);
        var claim = await connection.QuerySingleOrDefaultAsync<Claim>(
            new CommandDefinition(ClaimSql, transaction: tx, cancellationToken: ct)
        );
        if (claim is null)
            return 0;
        var key = $"personal-exports/{claim.Id:N}.zip";
        try
        {
            var zip = await BuildAsync(connection, tx, claim.UserId, claim.Language, ct);
            await storage.SaveAsync(key, new MemoryStream(zip), ct);
            await connection.ExecuteAsync(
                new CommandDefinition(
                    ReadySql,
                    new
                    {
                        claim.Id,
                        FileKey = key,
                        Size = (long)zip.Length,
                        RetentionDays,
                    },
                    tx,
                    cancellationToken: ct
                )
            );
            await Outbox.EnqueueAsync(connection, tx, ReadyEmail(claim), ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Personal data export {ExportId} failed", claim.Id);
            await tx.RollbackAsync(CancellationToken.None);
            await connection.ExecuteAsync(FailedSql, new { claim.Id });
        }
        return 1;
    }

    /// <summary>The zip: <c>index.html</c> (readable, no script) and <c>data.json</c> (one array of objects per section).</summary>
    public static async Task<byte[]> BuildAsync(
        IDbConnection connection,
        IDbTransaction? tx,
        Guid userId,
        string language,
        CancellationToken ct
    )
    {
        var sections = new List<(PersonalDataSections.Section Section, List<IDictionary<string, object?>> Rows)>();
        foreach (var section in PersonalDataSections.All)
        {
            var rows = await connection.QueryAsync(
                new CommandDefinition(section.Sql, new { UserId = userId, Language = language }, tx, cancellationToken: ct)
            );
            sections.Add((section, rows.Select(r => (IDictionary<string, object?>)r).ToList()));
        }
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var html = await archive.CreateEntry("index.html").OpenAsync(ct))
                await html.WriteAsync(Encoding.UTF8.GetBytes(Html(sections, language)), ct);
            await using (var json = await archive.CreateEntry("data.json").OpenAsync(ct))
            {
                var data = new Dictionary<string, object>
                {
                    ["format"] = "participation-personal-data/1",
                    ["exportedAt"] = DateTimeOffset.UtcNow,
                };
                foreach (var (section, rows) in sections)
                    data[section.Name] = rows;
                await JsonSerializer.SerializeAsync(json, data, new JsonSerializerOptions { WriteIndented = true }, ct);
            }
        }
        return buffer.ToArray();
    }

    private static readonly Dictionary<string, (string Title, string Intro, string None)> Texts = new()
    {
        ["fr"] = (
            "Vos données",
            "Tout ce que la plateforme conserve à votre sujet, section par section. Le fichier data.json contient les mêmes "
                + "données pour un programme.",
            "Rien dans cette section."
        ),
        ["nl"] = (
            "Uw gegevens",
            "Alles wat het platform over u bewaart, per onderdeel. Het bestand data.json bevat dezelfde gegevens voor een programma.",
            "Niets in dit onderdeel."
        ),
        ["en"] = (
            "Your data",
            "Everything the platform keeps about you, section by section. The file data.json holds the same data for programs.",
            "Nothing in this section."
        ),
    };

    private static string Html(
        IReadOnlyList<(PersonalDataSections.Section Section, List<IDictionary<string, object?>> Rows)> sections,
        string language
    )
    {
        var t = Texts.GetValueOrDefault(language, Texts["fr"]);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var b = new StringBuilder();
        b.Append($"<!doctype html>\n<html lang=\"{E(language)}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(t.Title)}</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2rem;line-height:1.4}table{border-collapse:collapse;margin-bottom:1rem}")
            .Append("th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}</style>\n</head>\n<body>\n")
            .Append($"<main>\n<h1>{E(t.Title)}</h1>\n<p>{E(t.Intro)}</p>\n<nav><ul>\n");
        foreach (var (section, _) in sections)
            b.Append($"<li><a href=\"#{section.Name}\">{E(section.Title(language))}</a></li>\n");
        b.Append("</ul></nav>\n");
        foreach (var (section, rows) in sections)
        {
            b.Append($"<section id=\"{section.Name}\">\n<h2>{E(section.Title(language))}</h2>\n");
            if (rows.Count == 0)
            {
                b.Append($"<p>{E(t.None)}</p>\n</section>\n");
                continue;
            }
            b.Append("<table>\n<thead><tr>");
            foreach (var column in rows[0].Keys)
                b.Append($"<th scope=\"col\">{E(column)}</th>");
            b.Append("</tr></thead>\n<tbody>\n");
            foreach (var row in rows)
            {
                b.Append("<tr>");
                foreach (var value in row.Values)
                    b.Append($"<td>{E(Text(value))}</td>");
                b.Append("</tr>\n");
            }
            b.Append("</tbody>\n</table>\n</section>\n");
        }
        return b.Append("</main>\n</body>\n</html>\n").ToString();
    }

    private static string Text(object? value) =>
        value switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    private OutgoingEmail ReadyEmail(Claim c)
    {
        var link = addresses.Current.AppLink(c.Language, "/profile#my-data");
        var (subject, body, action) = c.Language switch
        {
            "nl" => (
                $"{c.Platform}: uw gegevens zijn klaar",
                $"Hallo {c.FirstName},\n\nDe export van uw gegevens is klaar. Download hem vanuit uw profiel binnen {RetentionDays} dagen.",
                "Mijn gegevens"
            ),
            "en" => (
                $"{c.Platform}: your data is ready",
                $"Hello {c.FirstName},\n\nThe export of your data is ready. Download it from your profile within {RetentionDays} days.",
                "My data"
            ),
            _ => (
                $"{c.Platform} : vos données sont prêtes",
                $"Bonjour {c.FirstName},\n\nL'export de vos données est prêt. "
                    + $"Téléchargez-le depuis votre profil dans les {RetentionDays} jours.",
                "Mes données"
            ),
        };
        var html = $"""
            <!doctype html><html lang="{c.Language}"><body style="font-family:sans-serif;line-height:1.5">
            <p style="white-space:pre-line">{WebUtility.HtmlEncode(body)}</p>
            <p><a class="action" href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            </body></html>
            """;
        return new OutgoingEmail(
            "personal_export_ready",
            c.Email,
            c.FirstName,
            subject,
            $"{body}\n{link}\n",
            html,
            DedupKey: $"personal-export:{c.Id}"
        );
    }
}
