/**
 * Span and trace id codecs. OTLP/JSON carries 8-byte span ids either as 16 hex digits
 * (OTLP/JSON files, older producers) or as 12 base64 characters (Tempo's protobuf-JSON).
 * Ids are decoded straight from a range of a string into two uint32 halves (no string
 * allocation) and rendered back as lowercase hex only when asked. O(length) per id.
 *
 * Rule for every reader (OTLP, frames, files): a span whose span id is missing, null or the
 * empty string is rejected with a TraceParseError naming the span (e.g. `span 3 in
 * resourceSpans[0].scopeSpans[1] has no spanId`); it never inherits another span's id. An id
 * of the wrong length or with a bad digit is rejected naming the span and the id's length; the
 * id itself is quoted only when it is at most 32 characters long. A missing, null, empty or
 * all-zero parent id means "no parent".
 */

import { quoteInput } from './errors';

const HEX_DIGITS = '0123456789abcdef';

/** Longest id a message quotes (the rule above); a longer one is named by its length only. */
const MAX_QUOTED_ID = 32;

/** `text` quoted for a message when the rule above allows it (at most 32 characters), else undefined. */
export function quotedId(text: string): string | undefined {
  return text.length <= MAX_QUOTED_ID ? quoteInput(text) : undefined;
}

/** Digit values by char code: hex digits (case-insensitive), or -1. Read-only after construction. */
const HEX_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let c = 0; c < 16; c++) {
    table[HEX_DIGITS.charCodeAt(c)] = c;
    table[HEX_DIGITS.toUpperCase().charCodeAt(c)] = c;
  }
  return table;
})();

/** Base64 digit values by char code (standard and URL-safe alphabets), or -1. Read-only. */
const BASE64_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let c = 0; c < 64; c++) {
    table[alphabet.charCodeAt(c)] = c;
  }
  table[45] = 62; // '-'
  table[95] = 63; // '_'
  return table;
})();

/** Value of a hex digit char code, or -1. */
function hexValue(c: number): number {
  return c < 128 ? HEX_VALUE[c] : -1;
}

/** Value of a base64 char code, or -1. */
function base64Value(c: number): number {
  return c < 128 ? BASE64_VALUE[c] : -1;
}

/** Decoded 8-byte id halves; `ok` is false when the text is not a valid id. */
export interface IdHalves {
  hi: number;
  lo: number;
  ok: boolean;
}

/** Parses up to 16 hex digits of `s[from, to)` right-aligned into `out` (so "abc" = 0x0abc). */
export function decodeHexId(s: string, from: number, to: number, out: IdHalves): void {
  out.hi = 0;
  out.lo = 0;
  out.ok = to > from && to - from <= 16;
  for (let p = from; p < to && out.ok; p++) {
    const v = hexValue(s.charCodeAt(p));
    if (v < 0) {
      out.ok = false;
    }
    // shift the 64-bit value left by 4 bits
    out.hi = ((out.hi << 4) | (out.lo >>> 28)) >>> 0;
    out.lo = ((out.lo << 4) | v) >>> 0;
  }
}

/** 24 bits from 4 base64 chars at `p` (negative if any char is invalid). */
function base64Quad(s: string, p: number): number {
  return (
    (base64Value(s.charCodeAt(p)) << 18) |
    (base64Value(s.charCodeAt(p + 1)) << 12) |
    (base64Value(s.charCodeAt(p + 2)) << 6) |
    base64Value(s.charCodeAt(p + 3))
  );
}

/** Decodes 12 base64 chars (8 bytes, '=' padded) of `s[from, to)` into `out`. */
function decodeBase64Id(s: string, from: number, to: number, out: IdHalves): void {
  // chars 0-3 → bytes 0-2, chars 4-7 → bytes 3-5, chars 8-10 → bytes 6-7 plus 2 zero bits
  const g1 = base64Quad(s, from);
  const g2 = base64Quad(s, from + 4);
  const v8 = base64Value(s.charCodeAt(from + 8));
  const v9 = base64Value(s.charCodeAt(from + 9));
  const v10 = base64Value(s.charCodeAt(from + 10));
  const g3 = (v8 << 12) | (v9 << 6) | v10;
  out.ok =
    to - from === 12 && s.charCodeAt(from + 11) === 61 && g1 >= 0 && g2 >= 0 && (v8 | v9 | v10) >= 0 && (v10 & 3) === 0;
  out.hi = ((g1 << 8) | (g2 >>> 16)) >>> 0;
  out.lo = (((g2 & 0xffff) << 16) | (g3 >>> 2)) >>> 0;
}

/**
 * Decodes an 8-byte id written as 16 hex digits or 12 base64 chars from `s[from, to)`.
 * Any other length, or a bad digit, sets `out.ok = false`.
 */
export function decodeSpanId(s: string, from: number, to: number, out: IdHalves): void {
  if (to - from === 16) {
    decodeHexId(s, from, to, out);
  } else {
    decodeBase64Id(s, from, to, out);
  }
}

/** Lowercase hex of raw bytes given as a base64 or hex string of any length ('' when invalid). */
export function idTextToHex(text: string): string {
  if (/^[0-9a-fA-F]*$/.test(text) && text.length % 2 === 0) {
    return text.toLowerCase();
  }
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) {
    return '';
  }
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let p = 0; p < text.length && text.charCodeAt(p) !== 61; p++) {
    acc = ((acc << 6) | base64Value(text.charCodeAt(p))) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (acc >>> bits) & 0xff;
      out += HEX_DIGITS[byte >>> 4] + HEX_DIGITS[byte & 15];
    }
  }
  return out;
}

/** 16-digit lowercase hex of an id given as two uint32 halves. */
export function idToHex(hi: number, lo: number): string {
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
