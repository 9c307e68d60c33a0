/**
 * The OTLP/JSON reader given its text in pieces (otlpJsonPieces) against the same reader given the
 * whole text (parseOtlpJson, itself tested against JSON.parse in otlp-strict.test.ts): the same
 * trace, and for bad input the same message, wherever the text is cut — inside strings, escapes
 * (\uXXXX), numbers, literals, between surrogates, and (cutting the UTF-8 bytes, decoded as a
 * stream is) inside multi-byte characters. Every cut for small documents, random cuts for big ones.
 * Each also with small bridges (JsonScanner.feed), so that pieces longer than the bridge are read
 * in place after the copy of their start, and a value longer than the copy makes it grow.
 */
import fc from 'fast-check';

import { generateTrace } from '../../tests/synthetic/generate';
import { toOtlpJson } from '../../tests/synthetic/otlp';
import { recorded, wireText } from '../../tests/support/recorded';
import { ParsedTrace } from './model';
import { otlpJsonPieces, parseOtlpJson } from './otlp-json';
import { docArb, mutate, mutationArb } from './testing/otlp-documents';

/**
 * The trace read (as JSON text, typed arrays as arrays: quick to compare, and every field counts)
 * or the error's name and message.
 */
function outcome(read: () => ParsedTrace): string {
  try {
    return JSON.stringify(read(), (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v));
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

const whole = (text: string) => outcome(() => parseOtlpJson(text));

/**
 * Reads `pieces` one after another; `bridge`: how much of a piece the reader copies after an
 * unfinished span (JsonScanner.feed; pieces longer than it are then read in place).
 */
function readPieces(pieces: string[], bridge?: number): string {
  return outcome(() => {
    const reader = otlpJsonPieces(0, bridge);
    pieces.forEach((piece) => reader.push(piece));
    return reader.end();
  });
}

/** `text` cut at the ascending positions `cuts`. */
function cutAt(text: string, cuts: number[]): string[] {
  const bounds = [0, ...cuts, text.length];
  return bounds.slice(1).map((to, k) => text.slice(bounds[k], to));
}

/** `text`'s UTF-8 bytes cut at `cuts`, each piece decoded as it arrives (TextDecoder in stream mode). */
function bytePieces(text: string, cuts: number[]): string[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const bounds = [0, ...cuts, bytes.length];
  const pieces = bounds.slice(1).map((to, k) => decoder.decode(bytes.subarray(bounds[k], to), { stream: true }));
  return [...pieces, decoder.decode()];
}

/** Bridges every cut is read with: the default (4,096), and small ones that make pieces be read in place. */
const BRIDGES = [undefined, 1, 64];

/** The cuts where a two-piece reading differs from reading `text` whole (at most `max` listed). */
function badCuts(text: string, pieces: (k: number) => string[], count: number, max = 3): string[] {
  const expected = whole(text);
  const bad: string[] = [];
  for (let k = 0; k <= count && bad.length < max; k++) {
    for (const bridge of BRIDGES) {
      const got = readPieces(pieces(k), bridge);
      if (got !== expected) {
        bad.push(`cut at ${k}, bridge ${bridge}: ${got.slice(0, 200)}`);
      }
    }
  }
  return bad;
}

const everyCut = (text: string) => badCuts(text, (k) => cutAt(text, [k]), text.length);

/** A document with every kind of token: escapes, \u, surrogate pairs, numbers, literals, nested values. */
const TOKENS = `{"resource\\u0053pans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"caf\u00e9 \ud83d\ude00"}}]},
 "scopeSpans":[{"scope":{"name":"lib","version":"1.0"},"spans":[
  {"traceId":"0123456789abcdef0123456789abcdef","span\\u0049d":"\\u0030000000000000001","name":"a\\"b\\\\c\\/d\\n\\ud83d\\ude00 \u4e2d",
   "kind":"SPAN_KIND_\\u0053ERVER","startTimeUnixNano":1700000000000000000,"endTimeUnixNano":"1700000000000001000",
   "attributes":[{"key":"n","value":{"intValue":-12}},{"key":"d","value":{"doubleValue":-1.5e-3}},{"key":"b","value":{"boolValue":false}},
     {"key":"z","value":{"stringValue":null}},{"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"},{"intValue":"3"}]}}}],
   "events":[{"timeUnixNano":"1700000000000000500","name":"e"},{"name":"untimed"}],
   "links":[{"traceId":"0123456789abcdef0123456789abcdef","spanId":"0000000000000002"}],
   "status":{"code":2,"message":"\u00fcber"},"unknown":[true,null,{"x":[0,1e10]}]},
  {"spanId":"AAAAAAAAAAI=","parentSpanId":"0000000000000001","kind":3,"startTimeUnixNano":"1700000000000000100","endTimeUnixNano":1700000000000000900}
 ]}]}],"metrics":{"inspectedBytes":"123"},"status":"COMPLETE"}
`;

describe('the OTLP reader in pieces reads as it does the whole text', () => {
  it('reads the token-rich document cut at every character, and its UTF-8 bytes cut at every byte', () => {
    const t = parseOtlpJson(TOKENS);
    // 2 spans: the first's end − start is 1,000 ns; its name decoded from the escapes
    expect([t.spanCount, t.end[0] - t.start[0], t.strings[t.name[0]]]).toEqual([2, 1000, 'a"b\\c/d\n\ud83d\ude00 中']);
    expect(everyCut(TOKENS)).toEqual([]);
    const bytes = new TextEncoder().encode(TOKENS).length;
    // é, 😀, 中 and ü take 2, 4, 3 and 2 bytes: the byte cuts fall inside them too
    expect(bytes - TOKENS.length).toBe(1 + 2 + 2 + 1);
    expect(badCuts(TOKENS, (k) => bytePieces(TOKENS, [k]), bytes)).toEqual([]);
    expect(new TextDecoder().decode(new TextEncoder().encode(TOKENS))).toBe(TOKENS);
  });

  it('reads the recorded Tempo v2 and Jaeger v3 traces cut at every character', () => {
    for (const name of ['tempo-trace-v2', 'jaeger-trace-v3']) {
      const text = wireText(recorded(name));
      expect(parseOtlpJson(text).spanCount).toBeGreaterThan(0);
      expect([name, everyCut(text)]).toEqual([name, []]);
    }
  });

  it('reads random documents (escapes, whitespace, every value kind and spelling) cut at every character (property)', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        expect(everyCut(doc.text)).toEqual([]);
      }),
      { numRuns: 5 }
    );
  });

  it('reads random documents cut into many random pieces, as characters and as bytes (property)', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }),
        fc.constantFrom(...BRIDGES),
        (doc, at, bridge) => {
          const cuts = (length: number) => [...new Set(at.map((x) => Math.floor(x * length)))].sort((a, b) => a - b);
          expect(readPieces(cutAt(doc.text, cuts(doc.text.length)), bridge)).toBe(whole(doc.text));
          // UTF-8 has no lone surrogates (the documents have some): the bytes decode to U+FFFD there
          const bytes = new TextEncoder().encode(doc.text);
          const decoded = new TextDecoder().decode(bytes);
          expect(readPieces(bytePieces(doc.text, cuts(bytes.length)), bridge)).toBe(whole(decoded));
        }
      ),
      { numRuns: 200 }
    );
  });

  it('reads a 5,000-span trace cut into pieces of random sizes, holding about one piece and one span', () => {
    const text = toOtlpJson(generateTrace('random', 5000, 7), { wrapper: 'v2' });
    expect(parseOtlpJson(text).spanCount).toBe(5000);
    const expected = whole(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        const reader = otlpJsonPieces();
        let held = 0;
        for (let at = 0, k = 0; at < text.length; at += sizes[k++ % sizes.length]) {
          reader.push(text.slice(at, at + sizes[k % sizes.length]));
          held = Math.max(held, reader.held);
        }
        expect(outcome(() => reader.end())).toBe(expected);
        // a reading goes on once the new text is as long as the unfinished span (< 600 characters
        // here): what is held is that span, the text fed with it (≤ it + a piece) and what waits
        expect(held).toBeLessThanOrEqual(3 * 600 + 2 * Math.max(...sizes));
      }),
      { numRuns: 10 }
    );
  });

  it('counts the spans read so far', () => {
    const reader = otlpJsonPieces(TOKENS.length);
    reader.push(TOKENS.slice(0, TOKENS.indexOf('{"spanId":"AAAAAAAAAAI=')));
    expect(reader.spans).toBe(1);
    expect(reader.end(TOKENS.slice(TOKENS.indexOf('{"spanId":"AAAAAAAAAAI="'))).spanCount).toBe(2);
  });
});

describe('the OTLP reader in pieces fails as it does on the whole text', () => {
  it('gives the whole text’s message for random broken documents cut into random pieces (property)', () => {
    fc.assert(
      fc.property(
        docArb,
        mutationArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        fc.constantFrom(...BRIDGES),
        (doc, m, at, bridge) => {
          const text = mutate(doc.text, m);
          const cuts = [...new Set(at.map((x) => Math.floor(x * text.length)))].sort((a, b) => a - b);
          expect(readPieces(cutAt(text, cuts), bridge)).toBe(whole(text));
        }
      ),
      { numRuns: 500 }
    );
  });

  it.each([
    [
      'a bare word on line 3',
      '{\n "resourceSpans": [\n  {"scopeSpans": [x]}\n ]\n}',
      // x is the 19th character of `  {"scopeSpans": [x]}`; a scope-spans entry must be an object
      `TraceParseError: invalid JSON at line 3, column 19: expected '{', found "x]}\\n ]\\n}"`,
    ],
    [
      'a document that ends early',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"spanId":"00000000000000',
      // 68 characters: the end is at character 68 (from 0), column 69 (from 1)
      'TraceParseError: invalid JSON: the document ends early, at line 1, column 69 (character 68), while expecting a closing quote',
    ],
    [
      'a second document',
      '{"resourceSpans":[]}\n{}',
      'TraceParseError: invalid JSON at line 2, column 1: expected the end of the input, found "{}"',
    ],
    [
      'an invalid span id',
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"spanId":"xyz"}]}]}]}',
      'TraceParseError: span 0 in resourceSpans[0].scopeSpans[0] has an invalid spanId "xyz" (3 characters; expected 16 hex digits or 12 base64 characters)',
    ],
  ])('%s: the same message at every cut', (_, text, message) => {
    expect(whole(text)).toBe(message);
    expect(everyCut(text)).toEqual([]);
  });
});
