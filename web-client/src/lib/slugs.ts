/**
 * Readable addresses: projects, ideas and events are addressed by their slug (/projects/renovation-de-la-place,
 * /projects/renovation-de-la-place/ideas/des-bancs, /events/balade-du-quartier). The API gives the slugs; an address
 * holding an id still works (the page then replaces it with the slug address).
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether an address segment is an id (else it is taken for a slug). */
export const isGuid = (ref: string): boolean => GUID.test(ref);

/** A slug as the API accepts it: lowercase letters without accents, digits and single hyphens, at most 100, not an id. */
export const isSlug = (value: string): boolean => value.length <= 100 && SLUG.test(value) && !isGuid(value);

interface Addressed {
  id: string;
  slug?: string | null;
}

const segment = (item: Addressed): string => encodeURIComponent(item.slug || item.id);

/** A project's page. */
export const projectPath = (project: Addressed): string => `/projects/${segment(project)}`;

/** An idea's page, under its project's (the project's slug, or its id when the slug is unknown). */
export const ideaPath = (project: Addressed, idea: Addressed): string => `${projectPath(project)}/ideas/${segment(idea)}`;

/** An event's page. */
export const eventPath = (event: Addressed): string => `/events/${segment(event)}`;

/** A person's public profile (by id: people have no slug). */
export const personPath = (userId: string): string => `/people/${encodeURIComponent(userId)}`;
