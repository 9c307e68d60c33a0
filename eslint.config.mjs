import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';
import grafanaI18n from '@grafana/i18n/eslint-plugin';
import layerRules from './eslint.layers.mjs';

/** The folders and files whose strings are translated (README "Languages"): new strings there must be too. */
const TRANSLATED = [
  'src/module.tsx',
  'src/App.tsx',
  'src/app/settings.ts',
  'src/app/traceSource.ts',
  'src/config/**/*.{ts,tsx}',
  'src/pages/compare/**/*.{ts,tsx}',
  'src/pages/file/**/*.{ts,tsx}',
  'src/pages/search/**/*.{ts,tsx}',
  'src/pages/services/**/*.{ts,tsx}',
  'src/panels/breakdown/**/*.{ts,tsx}',
  'src/components/**/*.{ts,tsx}',
  'src/extensions/**/*.{ts,tsx}',
  'src/pages/trace/**/*.{ts,tsx}',
  'src/loading/**/*.{ts,tsx}',
];

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
    ],
  },
  ...baseConfig,
  {
    // The scaffold's @grafana/eslint-config 9 names the stylistic plugin @stylistic/ts (installed as
    // @stylistic/eslint-plugin 5, see package.json) and sets type-annotation-spacing's `overrides.arrow`,
    // which that plugin deprecates for arrow-spacing: the same rules as @grafana/eslint-config 10's.
    rules: {
      '@stylistic/ts/type-annotation-spacing': [
        'error',
        { after: true, before: false, overrides: { arrow: 'ignore' } },
      ],
      '@stylistic/ts/arrow-spacing': ['error', { after: true, before: true }],
    },
  },
  // the scaffold lints TypeScript under src/ only; tests, harness, generator and bench code too
  { files: ['tests/**/*.{ts,tsx}'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { '@grafana/i18n': grafanaI18n },
    rules: {
      '@grafana/i18n/no-translation-top-level': 'error',
      '@grafana/i18n/t-plural-defaults': 'error',
      '@grafana/i18n/trans-plural-defaults': 'error',
    },
  },
  {
    files: TRANSLATED,
    ignores: ['**/*.test.{ts,tsx}', 'src/panels/breakdown/useSearchAnalyses.ts'],
    rules: { '@grafana/i18n/no-untranslated-strings': ['error', { calleesToIgnore: ['^css$'] }] },
  },
  // after baseConfig: the layers of src/ (eslint.layers.mjs) replace its no-restricted-imports there
  ...layerRules,
]);
