/**
 * The locale files agree with each other and with the source: every key of en-US is in zh-Hans and
 * the reverse (a plural counts once: en-US has `_one`/`_other`, zh-Hans `_other` only), zh-Hans leaves
 * none empty, and the extractor (`npm run i18n:extract`, in its check mode) would change neither file,
 * so no t() or <Trans> in src/ lacks its key and no file holds a key no source uses.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import enUS from './en-US/tracelens-analysis-app.json';
import zhHans from './zh-Hans/tracelens-analysis-app.json';

type Tree = { [key: string]: string | Tree };

/** Dotted paths of a nested locale object to their values. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix + key;
    if (typeof value === 'string') {
      out.set(dotted, value);
    } else {
      flatten(value, `${dotted}.`).forEach((v, k) => out.set(k, v));
    }
  }
  return out;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const keysOf = (tree: Tree) => new Set([...flatten(tree).keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
const missingFrom = (from: Set<string>, to: Set<string>) => [...from].filter((key) => !to.has(key));

describe('locale files', () => {
  const english = keysOf(enUS);
  const chinese = keysOf(zhHans);

  it('holds the same keys in en-US and zh-Hans', () => {
    expect({ missingInZhHans: missingFrom(english, chinese), missingInEnUS: missingFrom(chinese, english) }).toEqual({
      missingInZhHans: [],
      missingInEnUS: [],
    });
  });

  it('translates every zh-Hans key (no empty value)', () => {
    const empty = [...flatten(zhHans)].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('has zh-Hans plurals in the one form Chinese uses (_other)', () => {
    const forms = [...flatten(zhHans).keys()].filter((key) => PLURAL_SUFFIX.test(key) && !key.endsWith('_other'));
    expect(forms).toEqual([]);
  });

  it('matches the keys the source uses: the extractor would change no locale file', () => {
    const root = path.resolve(__dirname, '../..');
    const run = () =>
      execFileSync(path.join(root, 'node_modules/.bin/i18next-cli'), ['extract', '--ci', '--dry-run'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    // on a mismatch the command exits non-zero: run `npm run i18n:extract` and translate the new keys
    expect(run).not.toThrow();
  });
});
