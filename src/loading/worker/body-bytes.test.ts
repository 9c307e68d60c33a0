/**
 * @jest-environment node
 */
// node: its ReadableStream, byte streams and BYOB readers are the WHATWG ones the browsers implement
import { chunkStream } from '../testing/chunkStream';
import { bodyBytes } from './body-bytes';

/** The bytes 0, 1, 2, … (mod 256) in pieces of the given sizes. */
function pieces(sizes: number[]): Uint8Array[] {
  let at = 0;
  return sizes.map((size) => Uint8Array.from({ length: size }, () => at++ % 256));
}

/** Every read's bytes, copied (each read's bytes are valid only until the next). */
async function readAll(body: ReadableStream<Uint8Array>, bufferBytes: number): Promise<number[][]> {
  const reads: number[][] = [];
  const source = bodyBytes(body, bufferBytes);
  for (let got = await source.read(); got !== undefined; got = await source.read()) {
    reads.push([...got]);
  }
  return reads;
}

describe('bodyBytes', () => {
  const sent = pieces([5, 3000, 1, 1024, 0, 7]);
  const all = sent.flatMap((p) => [...p]);

  it('reads a byte stream into its buffer: a piece longer than the buffer comes in several reads', async () => {
    const reads = await readAll(chunkStream(sent, true), 1024);
    expect(reads.map((r) => r.length)).toEqual([5, 1024, 1024, 952, 1, 1024, 7]);
    expect(reads.flat()).toEqual(all);
  });

  it('reads a stream that is not a byte stream piece by piece as it comes', async () => {
    const reads = await readAll(chunkStream(sent, false), 1024);
    expect(reads.map((r) => r.length)).toEqual([5, 3000, 1, 1024, 0, 7]);
    expect(reads.flat()).toEqual(all);
  });

  it('reuses one buffer for every read of a byte stream', async () => {
    const source = bodyBytes(chunkStream(pieces([10, 20, 30]), true), 64);
    const reads: Uint8Array[] = [];
    for (let got = await source.read(); got !== undefined; got = await source.read()) {
      expect([got.buffer.byteLength, got.byteOffset]).toEqual([64, 0]);
      reads.push(got);
    }
    // each read took over the previous read's buffer (which is detached since): one buffer in all
    expect(reads.map((r) => r.byteLength)).toEqual([0, 0, 0]);
    expect(reads.length).toBe(3);
  });

  it('rejects as the stream does, and cancels the download', async () => {
    let cancelled: unknown;
    const failing = new ReadableStream({
      type: 'bytes',
      pull: (c) => c.error(new Error('connection reset')),
      cancel: (why) => {
        cancelled = why ?? 'cancelled';
      },
    });
    await expect(bodyBytes(failing).read()).rejects.toThrow('connection reset');
    const open = new ReadableStream({ type: 'bytes', cancel: () => void (cancelled = 'cancelled') });
    await bodyBytes(open).cancel();
    expect(cancelled).toBe('cancelled');
  });
});
