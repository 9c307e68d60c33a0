/**
 * Options for t() whose values are data (service names, trace ids, formatted durations, messages):
 * i18next HTML-escapes interpolated values by default (a "/" would read "&#x2F;"), which text that
 * React renders, and escapes itself, must not be. Spread into the values: t(key, text, { name, ...AS_TEXT }).
 */
export const AS_TEXT = { interpolation: { escapeValue: false } } as const;
