// Lint rules, including the import table of DESIGN.md section 2: a violation fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ui = ['react', 'react-dom', 'react-dom/*', 'd3', 'd3-*', 'zustand', 'zustand/*'];
const layer = (name) => [`**/${name}`, `**/${name}/**`];

/** sim, scenario, check and protocols must replay bit for bit: no clocks, timers or ambient randomness. */
const deterministic = {
  'no-restricted-globals': [
    'error',
    ...['Date', 'setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame', 'performance', 'window', 'document'].map((name) => ({
      name,
      message: 'Simulation layers are deterministic: use the simulated clock and the world generator (DESIGN.md section 2).',
    })),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the world’s seeded generator (src/sim/rng.ts).' },
    { object: 'Date', property: 'now', message: 'Use simulated time.' },
  ],
};

function restrict(paths, patterns = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: paths, message: 'Not allowed by the import table in DESIGN.md section 2.' },
          ...patterns,
        ],
      },
    ],
  };
}

/** The app loads each protocol on demand (issue 17): the registry would put them all in its first load. */
const eagerProtocols = { group: ['**/protocols/registry'], message: 'The app imports protocols/loader (loadProtocol, getProtocol once loaded); the registry loads every protocol at once.' };

const storeMayNot = [...layer('views'), ...layer('app'), ...layer('cli'), 'd3', 'd3-*', '**/protocols/*/**'];
const viewsMayNot = ['xstate', ...layer('cli'), '**/sim/world', '**/sim/simulation', '**/sim/effects', '**/protocols/*/machine'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML: render text as text (Standards: Security).' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/sim/**', 'src/scenario/**', 'src/check/**'],
    rules: {
      ...deterministic,
      ...restrict([...ui, ...layer('store'), ...layer('views'), ...layer('app'), ...layer('cli'), ...layer('i18n'), '**/protocols/registry', '**/protocols/*/**']),
    },
  },
  {
    files: ['src/protocols/**'],
    ignores: ['src/protocols/registry.ts'],
    rules: {
      ...deterministic,
      ...restrict([...ui, ...layer('store'), ...layer('views'), ...layer('app'), ...layer('cli'), ...layer('i18n'), ...layer('check'), '**/registry']),
    },
  },
  {
    files: ['src/protocols/*/**'],
    rules: restrict([...ui, ...layer('store'), ...layer('views'), ...layer('app'), ...layer('cli'), ...layer('i18n'), ...layer('check'), '**/registry'], [
      // A protocol never imports another protocol: `../<other>/…` from inside protocols/<p>/.
      // Except the kit: checks several protocols share (protocols/kit/), which import no protocol.
      { regex: '^\\.\\./(?!types$|kit/)[^./][^/]*(/|$)', message: 'A protocol never imports another protocol (DESIGN.md section 2).' },
    ]),
  },
  {
    // Tests of a protocol may drive it with the checker and the explorer.
    files: ['src/protocols/**/*.test.ts'],
    rules: restrict([...ui, ...layer('store'), ...layer('views'), ...layer('app'), ...layer('cli')]),
  },
  {
    files: ['src/store/**'],
    rules: restrict(storeMayNot, [eagerProtocols]),
  },
  {
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [eagerProtocols] }] },
  },
  {
    files: ['src/views/**'],
    rules: restrict(viewsMayNot, [eagerProtocols]),
  },
  {
    // Tests open runs as the CLI does, and the explorer's worker runs every protocol anyway:
    // both off the page's first load.
    files: ['src/store/**/*.test.ts', 'src/store/explorerWorker.ts'],
    rules: restrict(storeMayNot),
  },
  {
    files: ['src/views/**/*.test.ts', 'src/views/**/*.test.tsx'],
    rules: restrict(viewsMayNot),
  },
  {
    files: ['src/cli/**'],
    rules: restrict([...ui, ...layer('store'), ...layer('views'), ...layer('app')]),
  },
);
