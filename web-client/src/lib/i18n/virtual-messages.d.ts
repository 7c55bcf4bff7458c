/** One namespace's part of a language's messages, cut at build time (vite-messages.ts, src/lib/i18n/namespaces.ts). */
declare module 'virtual:messages/*' {
  const messages: { [key: string]: string | typeof messages };
  export default messages;
}
