/** A short suffix that no other run has used: the time and a few random letters, in base 36. */
export const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** `text` made unique, e.g. « Mobilité lx3k9a2bq1 ». */
export const unique = (text: string) => `${text} ${tag()}`;

/** `name` made unique with dashes, e.g. « head-1718000000000-k2j9xq ». */
export const uniqueSlug = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** A new address at example.test, e.g. « e2e-head-1718000000000-k2j9xq@example.test ». */
export const uniqueEmail = (name: string) => `e2e-${uniqueSlug(name)}@example.test`;

/** `text` as a regular expression that matches it literally. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** French money and percentages hold narrow no-break spaces: match any space. */
export const words = (text: string) => new RegExp(escape(text).replace(/ /g, '[\\s\\u202f\\u00a0]'));
