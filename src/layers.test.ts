/**
 * The layers of src/ (eslint.layers.mjs) hold: a wrong import fails `npm run lint` with
 * no-restricted-imports, and the tree has none. ESLint runs in a Node process of its own
 * (tests/support/lintImports.mjs).
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

interface Message {
  filePath: string;
  line: number;
  message: string;
}

const ROOT = join(__dirname, '..');

function lint(texts: Array<{ filePath: string; text: string }>, files: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'tests/support/lintImports.mjs')], {
    cwd: ROOT,
    input: JSON.stringify({ texts, files }),
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    throw new Error(run.stderr);
  }
  return JSON.parse(run.stdout) as { texts: Message[][]; files: Message[] };
}

/** Each case: a file importing one specifier, and the start of the message it must get (none: allowed). */
const CASES: Array<[filePath: string, specifier: string, refused: string | undefined]> = [
  ['src/engine/model.ts', '../pages/search/SearchPage', 'engine is below'],
  ['src/data/tempo/client.ts', '../../sources', 'data is below'],
  ['src/app/links.ts', '../components/FileGone', 'app is below'],
  ['src/components/ServiceBar.tsx', '../panels/breakdown/links', 'components is below'],
  ['src/pages/services/ServicesPage.tsx', '../search/searchModel', 'pages/services may not import the internals'],
  [
    'src/panels/breakdown/links.ts',
    '../../pages/search/searchModel',
    'panels/breakdown may not import another feature',
  ],
  ['src/config/AppConfig.tsx', '../extensions/analyzeLink', 'config may not import another feature'],
  ['src/panels/breakdown/links.ts', '../../data/queries/traceql', 'import the data layer through its index'],
  ['src/app/urlState.ts', '../App', 'nothing imports the entry points'],
  ['src/loading/load-trace.ts', '../../tests/support/recorded', 'product code does not import tests/'],
  // allowed: downwards, through the data index, test support from a test
  ['src/components/QueryContextBar.tsx', '../app/queryContext', undefined],
  ['src/pages/trace/TracePage.tsx', '../../data', undefined],
  ['src/loading/load-trace.test.ts', '../../tests/support/recorded', undefined],
];

describe('layers of src/', () => {
  let result: ReturnType<typeof lint>;
  beforeAll(() => {
    result = lint(
      CASES.map(([filePath, specifier]) => ({
        filePath,
        text: `import { x } from '${specifier}';\nexport const y = x;\n`,
      })),
      ['src']
    );
  }, 180_000);

  it.each(CASES.map(([filePath, specifier, refused], i) => [filePath, specifier, refused ?? 'allowed', i] as const))(
    '%s importing %s: %s',
    (filePath, specifier, expected, i) => {
      const messages = result.texts[i];
      if (expected === 'allowed') {
        expect(messages).toEqual([]);
      } else {
        expect(messages).toHaveLength(1);
        expect(messages[0].message).toContain(`'${specifier}' import is restricted`);
        expect(messages[0].message).toContain(expected);
      }
    }
  );

  it('the tree imports nothing against its layers', () => {
    expect(result.files).toEqual([]);
  });
});
