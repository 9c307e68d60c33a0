/**
 * The one error type the engine throws for bad input. Its message says what is wrong and
 * where (a JSON path, a character offset or a frame row), e.g.
 * `span 12 in resourceSpans[0].scopeSpans[1] has no startTimeUnixNano`.
 */
export class TraceParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceParseError';
  }
}
