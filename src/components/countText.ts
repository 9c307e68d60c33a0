/** "1,000,000": a count with its thousands grouped, as the trace page's notices and progress write counts. */
export const countText = (n: number) => n.toLocaleString('en-US');
