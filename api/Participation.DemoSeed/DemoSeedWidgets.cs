using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The demo city's widget for its website: the current projects in French, which a page served on http://localhost:8080
/// may frame (e.g. `python3 -m http.server 8080` in a folder holding a page with its snippet). Fixed id: safe to run again.
/// </summary>
public static class DemoSeedWidgets
{
    private const string Sql = """
        INSERT INTO widgets (id, name, selection, project_ids, max_items, language, accent_colour, text_colour, background_colour,
                             layout, width, height, allowed_origins, created_by)
        SELECT '0190a000-0000-7000-8000-000000000501', 'Site de la ville (page d''accueil)', 'current', '{}', 4, 'fr',
               '#1d4ed8', '#1f2933', '#ffffff', 'cards', 420, 640, ARRAY['http://localhost:8080'], u.id
          FROM users u WHERE u.email = 'communication@demo.participation.test'
        ON CONFLICT (id) DO NOTHING;
        """;

    public static Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction tx) => connection.ExecuteAsync(Sql, transaction: tx);
}
