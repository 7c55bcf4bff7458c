/**
 * How each language's messages (src/lib/i18n/locales/<language>.ts, one object per language, edited as one file) are
 * cut into three chunks at build time (vite-messages.ts): what the first load carries, what every other page needs,
 * and what only the staff's screens need. A key goes to the namespace of the longest listed path it starts with;
 * a key under no listed path is a resident one. Components keep writing `t('projects.title')`: i18next looks a key
 * up in the first load's namespace, then in the others (`fallbackNS`), and each page's route loads the namespaces
 * it needs before it renders (src/app/router.tsx), so no key ever shows.
 */
export const NAMESPACES = ['translation', 'resident', 'staff'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** Loaded before the first render: the frame of every page (header, footer, errors), the home page and "not found". */
export const FIRST_LOAD_PATHS = ['common', 'nav', 'layout', 'errors', 'home', 'homePage', 'calendarEvents.all', 'notFound'] as const;

/** Loaded with the staff's screens (/admin/…, /dashboard/…) only, beside the resident messages. */
export const STAFF_PATHS = [
  'homePage.editor',
  'apiClients',
  'audit',
  'briefings',
  'contentCalendar',
  'dashboard',
  'departments',
  'digests',
  'exports',
  'ideasManager',
  'invitations',
  'moderation',
  'operator',
  'platformSettings',
  'reports',
  'roleScope',
  'support',
  'topics',
  'webhooks',
  'widgets',
] as const;

/** The namespace of a dotted key (`homePage.editor.title` → staff, `homePage.online` → translation). */
export function namespaceOf(key: string): Namespace {
  let best: Namespace = 'resident';
  let length = 0;
  const claim = (paths: readonly string[], namespace: Namespace) => {
    for (const path of paths)
      if ((key === path || key.startsWith(`${path}.`)) && path.length > length) {
        best = namespace;
        length = path.length;
      }
  };
  claim(FIRST_LOAD_PATHS, 'translation');
  claim(STAFF_PATHS, 'staff');
  return best;
}

type Tree = { [key: string]: string | Tree };

/** One namespace's part of a language's messages: the same nesting, with only the keys that belong to it. */
export function messagesOf(messages: Tree, namespace: Namespace, prefix = ''): Tree {
  const part: Tree = {};
  for (const [name, value] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') {
      if (namespaceOf(key) === namespace) part[name] = value;
    } else {
      const inner = messagesOf(value, namespace, key);
      if (Object.keys(inner).length > 0) part[name] = inner;
    }
  }
  return part;
}
