-- Readable addresses: a slug for projects, ideas and events (/projects/renovation-de-la-place/ideas/des-bancs,
-- /events/balade-du-quartier). Made from the title once (its French text, else Dutch, else English), then kept when the
-- title changes, so a shared link keeps working. Project staff may edit a project's slug; every slug a project ever had
-- stays in project_slugs (a slug belongs to one project forever) and an old one redirects to the current one.
-- slugify() must give exactly what Slugs.From gives in C# (a test compares them on tricky titles): accented Latin letters
-- to their base letter (one table, spelt out in both), combining accents dropped, a few letters spelt out (œ → oe,
-- ß → ss…), every run of other characters → '-', lower case, trimmed, at most 80 characters; empty (an emoji title) or
-- shaped like a GUID → the fallback word in front.
CREATE FUNCTION slugify(title text, fallback text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    s text := coalesce(title, '');
BEGIN
    -- Accented Latin letters → their base letter (the table of Slugs.Accented / Slugs.Unaccented), then loose accents.
    s := translate(s,
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆ'
        || 'ćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐő'
        || 'ŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛ'
        || 'ǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯ'
        || 'ȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷ'
        || 'ḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳ'
        || 'ṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵ'
        || 'ẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰự'
        || 'ỲỳỴỵỶỷỸỹ',
        'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaC'
        || 'cCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOo'
        || 'RrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuU'
        || 'uAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOo'
        || 'OoYyAaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLl'
        || 'LlLlLlMmMmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUu'
        || 'UuUuUuUuVvVvWwWwWwWwWwXxXxYyZzZzZzhtwyAaAaAaAaAaAaAaAaAaAaAa'
        || 'AaEeEeEeEeEeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUu'
        || 'YyYyYyYy');
    s := regexp_replace(s, '[\u0300-\u036f]', '', 'g');
    s := replace(replace(replace(s, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae');
    s := replace(replace(replace(s, 'Æ', 'AE'), 'ß', 'ss'), 'ẞ', 'SS');
    s := translate(s, 'øØđĐłŁıħĦ', 'oOdDlLihH');
    s := lower(regexp_replace(s, '[^A-Za-z0-9]+', '-', 'g'));
    s := btrim(s, '-');
    s := rtrim(left(s, 80), '-');
    IF s = '' THEN
        RETURN fallback;
    END IF;
    IF s ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN fallback || '-' || s;
    END IF;
    RETURN s;
END;
$$;

-- The first free slug for a base among those taken: the base itself, else base-2, base-3…
CREATE FUNCTION slug_with_suffix(base text, taken text[]) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    n integer := 2;
BEGIN
    IF NOT base = ANY (taken) THEN
        RETURN base;
    END IF;
    WHILE (base || '-' || n) = ANY (taken) LOOP
        n := n + 1;
    END LOOP;
    RETURN base || '-' || n;
END;
$$;

CREATE FUNCTION slug_title(title jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(nullif(btrim(title ->> 'fr'), ''), nullif(btrim(title ->> 'nl'), ''), nullif(btrim(title ->> 'en'), ''), '')
$$;

ALTER TABLE projects ADD COLUMN slug text COLLATE "C" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100);
ALTER TABLE ideas ADD COLUMN slug text COLLATE "C" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100);
ALTER TABLE calendar_events ADD COLUMN slug text COLLATE "C" CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100);

CREATE TABLE project_slugs (
    slug        text COLLATE "C" PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
    project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_slugs_project ON project_slugs (project_id);

-- Backfill, oldest first (the oldest keeps the bare slug), with the same suffix rule as new rows. An idea is never
-- "new" (the web app's /projects/{project}/ideas/new is the form to post one): such a title gets new-2.
DO $$
DECLARE
    r record;
    base text;
BEGIN
    FOR r IN SELECT id, title FROM projects ORDER BY created_at, id LOOP
        base := slugify(slug_title(r.title), 'project');
        UPDATE projects SET slug = slug_with_suffix(base, ARRAY(
                   SELECT s.slug FROM project_slugs s WHERE s.slug = base OR s.slug LIKE base || '-%'))
         WHERE id = r.id;
        INSERT INTO project_slugs (slug, project_id) SELECT slug, id FROM projects WHERE id = r.id;
    END LOOP;
    FOR r IN SELECT id, project_id, title FROM ideas ORDER BY created_at, id LOOP
        base := slugify(r.title, 'idea');
        UPDATE ideas SET slug = slug_with_suffix(base, ARRAY(
                   SELECT i.slug FROM ideas i
                    WHERE i.project_id = r.project_id AND (i.slug = base OR i.slug LIKE base || '-%')) || 'new'::text)
         WHERE id = r.id;
    END LOOP;
    FOR r IN SELECT id, title FROM calendar_events ORDER BY created_at, id LOOP
        base := slugify(slug_title(r.title), 'event');
        UPDATE calendar_events SET slug = slug_with_suffix(base, ARRAY(
                   SELECT e.slug FROM calendar_events e WHERE e.slug = base OR e.slug LIKE base || '-%'))
         WHERE id = r.id;
    END LOOP;
END;
$$;

ALTER TABLE projects ALTER COLUMN slug SET NOT NULL;
ALTER TABLE ideas ALTER COLUMN slug SET NOT NULL;
ALTER TABLE calendar_events ALTER COLUMN slug SET NOT NULL;
CREATE UNIQUE INDEX projects_slug ON projects (slug);
CREATE UNIQUE INDEX ideas_project_slug ON ideas (project_id, slug);
CREATE UNIQUE INDEX calendar_events_slug ON calendar_events (slug);

-- The API gives every new row its slug (Slugs.From, then a free suffix under an advisory lock). Rows written by SQL alone
-- (demo and benchmark seeds) get one here, by the same rule. A project's slugs, current and past, are kept in
-- project_slugs whoever writes them; a slug another project held is refused.
CREATE FUNCTION projects_default_slug() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    base text;
BEGIN
    IF NEW.slug IS NULL THEN
        base := slugify(slug_title(NEW.title), 'project');
        NEW.slug := slug_with_suffix(base, ARRAY(
            SELECT s.slug FROM project_slugs s WHERE s.slug = base OR s.slug LIKE base || '-%'));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER projects_default_slug BEFORE INSERT ON projects FOR EACH ROW EXECUTE FUNCTION projects_default_slug();

CREATE FUNCTION projects_keep_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO project_slugs (slug, project_id) VALUES (NEW.slug, NEW.id) ON CONFLICT (slug) DO NOTHING;
    IF NOT EXISTS (SELECT 1 FROM project_slugs WHERE slug = NEW.slug AND project_id = NEW.id) THEN
        RAISE unique_violation USING MESSAGE = 'slug held by another project', CONSTRAINT = 'project_slugs_pkey';
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER projects_keep_slug AFTER INSERT OR UPDATE OF slug ON projects FOR EACH ROW EXECUTE FUNCTION projects_keep_slug();

CREATE FUNCTION ideas_default_slug() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    base text;
BEGIN
    IF NEW.slug IS NULL THEN
        base := slugify(NEW.title, 'idea');
        NEW.slug := slug_with_suffix(base, ARRAY(
            SELECT i.slug FROM ideas i WHERE i.project_id = NEW.project_id AND (i.slug = base OR i.slug LIKE base || '-%')) || 'new'::text);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER ideas_default_slug BEFORE INSERT ON ideas FOR EACH ROW EXECUTE FUNCTION ideas_default_slug();

CREATE FUNCTION calendar_events_default_slug() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    base text;
BEGIN
    IF NEW.slug IS NULL THEN
        base := slugify(slug_title(NEW.title), 'event');
        NEW.slug := slug_with_suffix(base, ARRAY(
            SELECT e.slug FROM calendar_events e WHERE e.slug = base OR e.slug LIKE base || '-%'));
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER calendar_events_default_slug BEFORE INSERT ON calendar_events
    FOR EACH ROW EXECUTE FUNCTION calendar_events_default_slug();
