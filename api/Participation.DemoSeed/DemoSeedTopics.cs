using Dapper;
using Npgsql;

namespace Participation.Demo;

/// <summary>
/// The city's topics (translated) and neighbourhoods (with polygons around the demo map), and the tags of the demo
/// projects and ideas. The other demo statements name their topics in free text, as content written before the lists
/// existed: <see cref="BeforeAsync"/> gives them a staging column for the seed's transaction and <see cref="AfterAsync"/>
/// converts it as migration 0023 converted real data (unknown names become topics), then drops it. Ideas with a map
/// point get the neighbourhood around it; projects get the neighbourhoods of their ideas.
/// </summary>
public static class DemoSeedTopics
{
    // The staging columns are the owner's work; their data is the city's, written as the API's role so that row-level security
    // keeps every read to this city's rows (as the owner, another city's topic of the same name was taken for this city's
    // projects and ideas, and its ideas got this city's neighbourhoods: found by Tenancy/RowLevelIsolationTests).
    private const string AddStaging = """
        ALTER TABLE projects ADD COLUMN topics text[] NOT NULL DEFAULT '{}';
        ALTER TABLE ideas ADD COLUMN topics text[] NOT NULL DEFAULT '{}';
        """;

    private const string DropStaging = """
        ALTER TABLE projects DROP COLUMN topics;
        ALTER TABLE ideas DROP COLUMN topics;
        """;

    private const string AsApp = "SET LOCAL ROLE " + Participation.Api.Infrastructure.Database.CityDataSources.AppRole + ";";

    private const string Before = """
        INSERT INTO topics (id, name, description, sort_order)
        SELECT gen_random_uuid(), v.name::jsonb, v.description::jsonb, v.sort_order
          FROM (VALUES
            ('{"fr":"mobilité","nl":"mobiliteit","en":"mobility"}', '{"fr":"Se déplacer à pied, à vélo, en bus ou en voiture."}', 0),
            ('{"fr":"environnement","nl":"milieu","en":"environment"}', '{"fr":"Climat, propreté, biodiversité."}', 1),
            ('{"fr":"nature","nl":"natuur","en":"nature"}', '{}', 2),
            ('{"fr":"culture","nl":"cultuur","en":"culture"}', '{"fr":"Bibliothèques, fêtes, patrimoine."}', 3),
            ('{"fr":"sécurité","nl":"veiligheid","en":"safety"}', '{}', 4),
            ('{"fr":"jeunesse","nl":"jeugd","en":"youth"}', '{}', 5),
            ('{"fr":"école","nl":"school","en":"school"}', '{}', 6),
            ('{"fr":"commerce","nl":"handel","en":"shops"}', '{}', 7),
            ('{"fr":"propreté","nl":"netheid","en":"cleanliness"}', '{}', 8),
            ('{"fr":"budget","nl":"begroting","en":"budget"}', '{}', 9)
          ) AS v(name, description, sort_order)
         WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE lower(t.name ->> 'fr') = lower(v.name::jsonb ->> 'fr'));
        INSERT INTO areas (id, name, geometry, sort_order)
        SELECT gen_random_uuid(), v.name::jsonb, v.geometry::jsonb, v.sort_order
          FROM (VALUES
            ('{"fr":"Parc Léopold","nl":"Leopoldpark","en":"Leopold Park"}',
             '{"type":"Polygon","coordinates":[[[4.3540,50.8420],[4.3620,50.8420],[4.3620,50.8470],[4.3540,50.8470],[4.3540,50.8420]]]}',
             0),
            ('{"fr":"Centre","nl":"Centrum","en":"Centre"}',
             '{"type":"Polygon","coordinates":[[[4.3460,50.8470],[4.3620,50.8470],[4.3620,50.8540],[4.3460,50.8540],[4.3460,50.8470]]]}',
             1),
            ('{"fr":"Gare","nl":"Station","en":"Station"}',
             '{"type":"Polygon","coordinates":[[[4.3620,50.8400],[4.3720,50.8400],[4.3720,50.8500],[4.3620,50.8500],[4.3620,50.8400]]]}',
             2),
            ('{"fr":"Les Tilleuls","nl":"De Linden","en":"Les Tilleuls"}', NULL, 3)
          ) AS v(name, geometry, sort_order)
         WHERE NOT EXISTS (SELECT 1 FROM areas a WHERE lower(a.name ->> 'fr') = lower(v.name::jsonb ->> 'fr'));
        """;

    // The demo polygons are rectangles: a point is in one when it is inside its first ring's bounds.
    private const string After = """
        INSERT INTO topics (id, name, sort_order)
        SELECT gen_random_uuid(), jsonb_build_object('fr', n), 100 + (row_number() OVER (ORDER BY n))::integer
          FROM (SELECT DISTINCT lower(btrim(x)) AS n
                  FROM (SELECT unnest(topics) AS x FROM projects UNION ALL SELECT unnest(topics) FROM ideas) s) d
         WHERE NOT EXISTS (SELECT 1 FROM topics t WHERE lower(t.name ->> 'fr') = d.n);
        INSERT INTO project_topics (project_id, topic_id)
        SELECT DISTINCT p.id, t.id FROM projects p CROSS JOIN LATERAL unnest(p.topics) x JOIN topics t ON lower(t.name ->> 'fr') = lower(x)
        ON CONFLICT DO NOTHING;
        INSERT INTO idea_topics (idea_id, topic_id)
        SELECT DISTINCT i.id, t.id FROM ideas i CROSS JOIN LATERAL unnest(i.topics) x JOIN topics t ON lower(t.name ->> 'fr') = lower(x)
        ON CONFLICT DO NOTHING;
        UPDATE ideas i SET area_id = a.id
          FROM areas a
         WHERE i.area_id IS NULL AND i.latitude IS NOT NULL AND a.geometry IS NOT NULL
           AND i.longitude BETWEEN (SELECT min((pt ->> 0)::float8) FROM jsonb_array_elements(a.geometry -> 'coordinates' -> 0) pt)
                               AND (SELECT max((pt ->> 0)::float8) FROM jsonb_array_elements(a.geometry -> 'coordinates' -> 0) pt)
           AND i.latitude BETWEEN (SELECT min((pt ->> 1)::float8) FROM jsonb_array_elements(a.geometry -> 'coordinates' -> 0) pt)
                              AND (SELECT max((pt ->> 1)::float8) FROM jsonb_array_elements(a.geometry -> 'coordinates' -> 0) pt);
        INSERT INTO project_areas (project_id, area_id)
        SELECT DISTINCT i.project_id, i.area_id FROM ideas i WHERE i.area_id IS NOT NULL
        ON CONFLICT DO NOTHING;
        """;

    /// <summary>Adds the staging columns (as the owner: the caller's role), then the topics and areas as the API's role.</summary>
    public static async Task BeforeAsync(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        await connection.ExecuteAsync(AddStaging, transaction: tx);
        await connection.ExecuteAsync(AsApp + Before, transaction: tx);
    }

    /// <summary>Converts the staging columns as the API's role, then drops them as the owner (the role is reset).</summary>
    public static async Task AfterAsync(NpgsqlConnection connection, NpgsqlTransaction tx)
    {
        await connection.ExecuteAsync(AsApp + After, transaction: tx);
        await connection.ExecuteAsync("RESET ROLE;" + DropStaging, transaction: tx);
    }
}
