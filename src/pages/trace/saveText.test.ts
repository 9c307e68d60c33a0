import { REVOKE_AFTER_MS, saveText } from './saveText';

describe('saveText', () => {
  afterEach(() => jest.useRealTimers());

  it('clicks a detached download link to a Blob URL of the text (so no document click handler sees it) and revokes the URL afterwards', async () => {
    jest.useFakeTimers();
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:trace-1';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: Array<{ href: string; download: string; attached: boolean }> = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });

    saveText('abc.otlp.json', '{"resourceSpans":[]}');

    expect(clicked).toEqual([{ href: 'blob:trace-1', download: 'abc.otlp.json', attached: false }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0].type).toBe('application/json');
    expect(blobs[0].size).toBe(20);
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    jest.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:trace-1');
    click.mockRestore();
  });
});
