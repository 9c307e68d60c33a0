/**
 * Test helper: a stream handing over `chunks` one per pull, as a byte stream (what browsers' fetch
 * gives; BYOB readers can read it into their own buffer) or a plain stream. A byte stream cannot
 * hold an empty chunk: those are left out of it.
 */
export function chunkStream(chunks: Uint8Array[], byteStream: boolean): ReadableStream<Uint8Array> {
  const sent = byteStream ? chunks.filter((c) => c.length > 0) : chunks;
  let k = 0;
  const pull = (controller: ReadableStreamDefaultController<Uint8Array> | ReadableByteStreamController) => {
    if (k < sent.length) {
      controller.enqueue(sent[k++].slice());
      return;
    }
    controller.close();
    // a byte stream closed while a BYOB read waits must answer that read (with no bytes)
    if ('byobRequest' in controller) {
      controller.byobRequest?.respond(0);
    }
  };
  return byteStream
    ? new ReadableStream({ type: 'bytes', pull })
    : (new ReadableStream<Uint8Array>({ pull }) as ReadableStream<Uint8Array>);
}
