/**
 * A stand-in for `fetch` in the download tests: it answers every request with one body, as a
 * stream of byte chunks, and records the requests.
 */

/** A fetch answering `body` with `status`, in chunks of `chunkBytes` bytes; records the requests. */
export function fetchAnswering(body: string, status = 200, chunkBytes = 1000) {
  const requests: Array<[string, RequestInit | undefined]> = [];
  const bytes = new TextEncoder().encode(body);
  const impl = (async (url: string, init?: RequestInit) => {
    requests.push([url, init]);
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
        } else {
          controller.enqueue(bytes.slice(at, (at += chunkBytes)));
        }
      },
    });
    return new Response(stream, { status, headers: { 'Content-Length': String(bytes.length) } });
  }) as unknown as typeof fetch;
  return { impl, requests };
}
