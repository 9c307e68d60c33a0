/**
 * The locale files agree with each other and with the source, for every language plugin.json lists:
 * each holds the keys of en-US (the source language) and no other (a plural counts once: en-US has
 * `_one`/`_other`, zh-Hans `_other` only), each plural in exactly the forms its language's plural rules
 * name (Intl.PluralRules), no value empty, and the extractor (`npm run i18n:extract`, in its check
 * mode) would change no file: no t() or <Trans> in src/ lacks its key and no file holds a key no
 * source uses.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import pluginJson from '../plugin.json';

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
const read = (language: string): Map<string, string> =>
  flatten(JSON.parse(fs.readFileSync(path.join(__dirname, language, `${pluginJson.id}.json`), 'utf8')));
const baseKeys = (entries: Map<string, string>) =>
  new Set([...entries.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));
const missingFrom = (from: Set<string>, to: Set<string>) => [...from].filter((key) => !to.has(key));

const SOURCE_LANGUAGE = 'en-US';

it('lists en-US and zh-Hans', () => {
  expect(pluginJson.languages).toEqual(['en-US', 'zh-Hans']);
});

describe.each(pluginJson.languages)('locale %s', (language) => {
  const english = baseKeys(read(SOURCE_LANGUAGE));
  const entries = read(language);

  it('holds the keys of en-US and no other', () => {
    const keys = baseKeys(entries);
    expect({ missing: missingFrom(english, keys), extra: missingFrom(keys, english) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  it('translates every key (no empty value)', () => {
    expect([...entries].filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('writes each plural in the forms its language has', () => {
    const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const wrong = [...entries.keys()].filter((key) => {
      const form = PLURAL_SUFFIX.exec(key)?.[1];
      return form !== undefined && !forms.includes(form as Intl.LDMLPluralRule);
    });
    expect(wrong).toEqual([]);
  });
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
