import { readFileText } from './readFileText';

describe('readFileText', () => {
  it('reads UTF-8 text and reports the bytes read', async () => {
    const progress: number[] = [];
    // "héllo": é is 2 bytes in UTF-8, so 6 bytes
    const text = await readFileText(new Blob(['héllo']), (n) => progress.push(n), new AbortController().signal);
    expect(text).toBe('héllo');
    expect(progress[progress.length - 1]).toBe(6);
  });

  it('stops when the signal aborts, rejecting with an AbortError', async () => {
    const controller = new AbortController();
    const reading = readFileText(new Blob(['x'.repeat(1000)]), () => {}, controller.signal);
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError', message: 'Reading the file was cancelled.' });
  });

  it('does not start when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const read = jest.spyOn(FileReader.prototype, 'readAsText');
    await expect(readFileText(new Blob(['x']), () => {}, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });
});
