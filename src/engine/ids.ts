/**
 * Span and trace id codecs. OTLP/JSON carries 8-byte span ids either as 16 hex digits
 * (OTLP/JSON files, older producers) or as 12 base64 characters (Tempo's protobuf-JSON).
 * Ids are decoded straight from a range of a string into two uint32 halves (no string
 * allocation) and rendered back as lowercase hex only when asked. O(length) per id.
 */

const HEX_DIGITS = '0123456789abcdef';

/** Value of a hex digit char code, or -1. */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) {
    return c - 48;
  }
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** Value of a base64 (standard or URL-safe) char code, or -1. */
function base64Value(c: number): number {
  if (c >= 65 && c <= 90) {
    return c - 65;
  }
  if (c >= 97 && c <= 122) {
    return c - 71;
  }
  if (c >= 48 && c <= 57) {
    return c + 4;
  }
  if (c === 43 || c === 45) {
    return 62;
  }
  if (c === 47 || c === 95) {
    return 63;
  }
  return -1;
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

/** Decodes 12 base64 chars (8 bytes, '=' padded) of `s[from, to)` into `out`. */
function decodeBase64Id(s: string, from: number, to: number, out: IdHalves): void {
  out.hi = 0;
  out.lo = 0;
  out.ok = to - from === 12 && s.charCodeAt(from + 11) === 61;
  // 10 chars carry the first 60 bits; the 11th char's top 4 bits complete 64, its low 2 bits are 0.
  for (let p = from; p < from + 11 && out.ok; p++) {
    const v = base64Value(s.charCodeAt(p));
    const last = p === from + 10;
    const shift = last ? 4 : 6;
    const bits = last ? v >>> 2 : v;
    out.ok = v >= 0 && (!last || (v & 3) === 0);
    out.hi = ((out.hi << shift) | (out.lo >>> (32 - shift))) >>> 0;
    out.lo = ((out.lo << shift) | bits) >>> 0;
  }
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
