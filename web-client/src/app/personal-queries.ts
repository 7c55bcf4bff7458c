/**
 * The cached queries that answer differently per person, as the features' query keys (`profileKeys.all`, …; written
 * out, personal-queries.test.ts checks they are the features' own). Importing the features' key factories here would
 * bring every feature's API module, and through them the generated client, into the home page's first load.
 */
export const PERSONAL_QUERIES = {
  /** Removed when a session ends (logout, failed refresh): the person's data goes with it. */
  removedOnLogout: [
    ['me'],
    ['users'],
    ['invitations', 'list'],
    ['audit-log'],
    ['organisations'],
    ['projects'],
    ['ideas'],
    ['notifications'],
    ['moderation'],
    ['votes'],
    ['budgets'],
    ['surveys'],
    ['dashboard'],
    ['consents', 'mine'],
  ],
  /** Read again when someone signs in: projects, organisations, ideas, votes, baskets and surveys answer per person. */
  refreshedOnLogin: [['organisations'], ['projects'], ['ideas'], ['votes'], ['budgets'], ['surveys']],
} as const;
