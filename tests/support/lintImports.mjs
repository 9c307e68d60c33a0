/**
 * Test support: the layer rules of eslint.config.mjs (no-restricted-imports) run alone, without
 * type information, in a Node process of their own (Jest cannot load ESLint's ESM config). Reads
 * `{ texts: [{ filePath, text }], files: [globs] }` as JSON on stdin and writes
 * `{ texts: Message[][], files: Message[] }`, a Message being `{ filePath, line, message }` with
 * paths relative to the project root.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({
  cwd: root,
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { project: null } } },
});

const messages = (results) =>
  results.flatMap((r) =>
    r.messages.map((m) => ({ filePath: r.filePath.slice(root.length), line: m.line, message: m.message }))
  );

let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}
const request = JSON.parse(input);
const texts = [];
for (const { filePath, text } of request.texts ?? []) {
  texts.push(messages(await eslint.lintText(text, { filePath: `${root}${filePath}` })));
}
const files = request.files?.length ? messages(await eslint.lintFiles(request.files)) : [];
process.stdout.write(JSON.stringify({ texts, files }));
