// ESLint for the web client: `npm run lint` (no warning allowed). Layout is Prettier's job (`npm run format`):
// eslint-config-prettier, last, turns off every rule that would fight it.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** src/features/<name>: one folder per feature (bulletproof-react's layout). */
const features = readdirSync(`${root}/src/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Code every part of the app may use; it knows no feature and not the app that composes them. */
const shared = ['./src/api', './src/components', './src/lib', './src/test'];

/**
 * The direction of imports (https://github.com/alan2207/bulletproof-react/blob/master/docs/project-structure.md):
 * shared code → features → app. A feature never imports another feature: what two features need goes to shared
 * code, and two features are put together on a page by a route in src/app.
 */
const boundaries = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message:
      'A feature does not import another feature: move the shared piece to src/lib or src/components, or compose the two in a route (src/app).',
  })),
  {
    target: './src/features',
    from: './src/app',
    message: 'A feature does not import the app: the app composes features, not the reverse.',
  },
  {
    target: shared,
    from: ['./src/features', './src/app'],
    message: 'Shared code (src/api, src/components, src/lib, src/test) imports neither a feature nor the app.',
  },
];

export default tseslint.config(
  // scripts/: Node scripts run by `make test` (the bundle budget, the e2e tile server), outside the TypeScript projects.
  { ignores: ['dist/', 'coverage/', 'test-results/', 'playwright-report/', 'scripts/'] },

  js.configs.recommended,
  // Type-aware: the rules that need types are the ones that find real bugs in a client that is mostly async
  // (a promise nobody awaits or catches, `any` leaking from a response, a method passed without its object).
  // `recommendedTypeChecked` rather than `strictTypeChecked`: strict added ~650 findings, almost all of style or
  // taste (void expressions in arrow bodies, `!` after a lookup the code has just checked, conditions TypeScript
  // believes always true about data from the network) and would bury the ones that matter.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      // As TypeScript's noUnusedParameters: a leading underscore says "unused on purpose"; `{ dropped, ...rest }`
      // is how an object loses a field.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The generated client's enums are string enums; the code compares them with the wire value ('visible'), and
      // TypeScript already rejects a literal that is not one of the enum's values (TS2367).
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },

  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.app.json` })],
    },
    rules: {
      // The two classic hook rules, as errors. The plugin's other rules are the React Compiler's diagnostics: they
      // judge code written for the compiler, which this app does not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: boundaries }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.configs.recommended,
    rules: {
      ...jsxA11y.configs.recommended.rules,
      // autoFocus is only used on a field that appears because the user asked for it (reply, edit, a dialog's or
      // picker's first field): moving focus there is what the WAI-ARIA practices ask. The rule cannot tell that
      // from a page stealing focus on load, which the code never does.
      'jsx-a11y-x/no-autofocus': 'off',
      // A scrollable region (a wide table) must be reachable by keyboard (axe: scrollable-region-focusable).
      'jsx-a11y-x/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  {
    // Tests assert on mocked methods (`expect(api.getIdea).toHaveBeenCalledWith(…)`): nothing calls them unbound.
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },

  {
    // The browser tests (Playwright) and the tools' configuration run in Node.
    files: ['e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  // This file is not in a TypeScript project: no type-aware rules for plain JavaScript.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },

  prettier,
);
