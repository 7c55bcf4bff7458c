-- Whether an idea's area was chosen by its author or derived from its place (area_at, 0029). A derived area follows the
-- place: when the idea is edited and its point moves, the area is derived again; a chosen one stays.
ALTER TABLE ideas ADD COLUMN area_chosen boolean NOT NULL DEFAULT false;

-- Ideas posted before: an area other than the one their place gives (or an area without a place) was chosen.
UPDATE ideas SET area_chosen = true
 WHERE area_id IS NOT NULL
   AND (latitude IS NULL OR area_id IS DISTINCT FROM area_at(longitude, latitude));
