-- Areas from places, and areas as campaign segments.

-- Where a point is against one ring of a GeoJSON polygon (positions [lon, lat], closed): 1 inside, 0 on its border,
-- -1 outside. Ray casting (even-odd crossings of a ray towards +x), with a point on an edge counted as on the border,
-- so concave rings and points on a shared border are answered the same way everywhere. No PostGIS here.
CREATE FUNCTION geojson_ring_position(ring jsonb, x float8, y float8) RETURNS integer
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    n integer := jsonb_array_length(ring);
    inside boolean := false;
    xi float8;
    yi float8;
    xj float8 := (ring -> (n - 1) ->> 0)::float8;
    yj float8 := (ring -> (n - 1) ->> 1)::float8;
BEGIN
    FOR i IN 0 .. n - 1 LOOP
        xi := (ring -> i ->> 0)::float8;
        yi := (ring -> i ->> 1)::float8;
        IF abs((xj - xi) * (y - yi) - (yj - yi) * (x - xi)) <= 1e-12
           AND x BETWEEN least(xi, xj) AND greatest(xi, xj) AND y BETWEEN least(yi, yj) AND greatest(yi, yj) THEN
            RETURN 0;
        END IF;
        IF (yi > y) <> (yj > y) AND x < (xj - xi) * (y - yi) / (yj - yi) + xi THEN
            inside := NOT inside;
        END IF;
        xj := xi;
        yj := yi;
    END LOOP;
    RETURN CASE WHEN inside THEN 1 ELSE -1 END;
END
$$;

-- Whether a GeoJSON Polygon or MultiPolygon (as the API stores them) holds a point: inside its outer ring (or on it)
-- and not strictly inside one of its holes. A point on a border belongs to the area.
CREATE FUNCTION geojson_contains(geometry jsonb, x float8, y float8) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT EXISTS (
        SELECT 1
          FROM jsonb_array_elements(CASE geometry ->> 'type' WHEN 'Polygon' THEN jsonb_build_array(geometry -> 'coordinates')
                                                             ELSE geometry -> 'coordinates' END) AS polygon
         WHERE geojson_ring_position(polygon -> 0, x, y) >= 0
           AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(polygon) WITH ORDINALITY AS hole (ring, n)
                            WHERE hole.n > 1 AND geojson_ring_position(hole.ring, x, y) = 1))
$$;

-- The box around an area's outer rings {min lon, min lat, max lon, max lat}: most areas are ruled out by it alone.
CREATE FUNCTION geojson_bbox(geometry jsonb) RETURNS float8[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY[min((p ->> 0)::float8), min((p ->> 1)::float8), max((p ->> 0)::float8), max((p ->> 1)::float8)]
      FROM jsonb_array_elements(CASE geometry ->> 'type' WHEN 'Polygon' THEN jsonb_build_array(geometry -> 'coordinates')
                                                         ELSE geometry -> 'coordinates' END) AS polygon,
           jsonb_array_elements(polygon -> 0) AS p
$$;

ALTER TABLE areas ADD COLUMN bbox float8[] GENERATED ALWAYS AS (geojson_bbox(geometry)) STORED;

-- The area of a place: the first offered area (list order) whose polygon holds the point, or NULL.
CREATE FUNCTION area_at(lon float8, lat float8) RETURNS uuid
LANGUAGE sql STABLE STRICT AS $$
    SELECT a.id FROM areas a
     WHERE a.archived_at IS NULL AND a.geometry IS NOT NULL
       AND lon BETWEEN a.bbox[1] AND a.bbox[3] AND lat BETWEEN a.bbox[2] AND a.bbox[4]
       AND geojson_contains(a.geometry, lon, lat)
     ORDER BY a.sort_order, lower(a.name ->> 'fr')
     LIMIT 1
$$;

-- Campaigns to the residents of an area.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_segment_kind_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_segment_kind_check
    CHECK (segment_kind IN ('newsletter', 'project_participants', 'project_followers', 'staff_roles', 'area'));
ALTER TABLE campaigns ADD COLUMN segment_area_id uuid REFERENCES areas (id) ON DELETE RESTRICT;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_segment_area_check CHECK ((segment_kind = 'area') = (segment_area_id IS NOT NULL));

-- As in 0025, plus the area kind. The residents of an area: those who posted an idea in it (tagged with the area, chosen
-- or derived from the idea's place) or took part in a project covering it (the project participants' actions).
DROP FUNCTION campaign_segment(text, uuid, text[]);
CREATE FUNCTION campaign_segment(kind text, project uuid, roles text[], area uuid) RETURNS TABLE (user_id uuid)
LANGUAGE sql STABLE AS $$
    SELECT u.id
      FROM users u
      JOIN newsletter_consents nc ON nc.user_id = u.id AND nc.status = 'given'
     WHERE u.email_confirmed_at IS NOT NULL
       AND CASE kind
           WHEN 'newsletter' THEN true
           WHEN 'project_participants' THEN u.id IN (
               SELECT pa.user_id FROM participation_actions pa WHERE pa.project_id = project)
           WHEN 'project_followers' THEN u.id IN (
               SELECT f.user_id FROM idea_follows f JOIN ideas i ON i.id = f.idea_id WHERE i.project_id = project)
           WHEN 'staff_roles' THEN u.id IN (SELECT ur.user_id FROM user_roles ur WHERE ur.role = ANY (roles))
           WHEN 'area' THEN u.id IN (
               SELECT i.author_id FROM ideas i WHERE i.area_id = area AND i.author_id IS NOT NULL
               UNION ALL
               SELECT pa.user_id FROM project_areas pr JOIN participation_actions pa ON pa.project_id = pr.project_id
                WHERE pr.area_id = area)
           ELSE false
           END;
$$;
