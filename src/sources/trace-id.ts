/**
 * Trace ids as every source hands them out: 32 lowercase hex digits. Tempo's search and Jaeger's
 * v1 JSON drop leading zeros (Jaeger writes a 128-bit id as `%x%016x`), while OTLP bodies keep all 32.
 */
export const canonicalTraceId = (id: string) => id.toLowerCase().padStart(32, '0');
