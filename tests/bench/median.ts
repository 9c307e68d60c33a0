/** Median of `values` (the upper one of the middle two for an even count); sorts a copy. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
