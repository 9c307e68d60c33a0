import { pathModePatch, readPathMode } from './pathModeParam';
import { patchedParams } from './urlState';

describe('the path mode URL parameter', () => {
  it('reads path=sync as sync and anything else as async', () => {
    expect(['path=sync', '', 'path=async', 'path=SYNC'].map((q) => readPathMode(new URLSearchParams(q)))).toEqual([
      'sync',
      'async',
      'async',
      'async',
    ]);
  });

  it('writes sync as path=sync and leaves the default out', () => {
    const params = new URLSearchParams('span=ab&path=sync');
    expect(patchedParams(params, pathModePatch('async')).toString()).toBe('span=ab');
    expect(patchedParams(new URLSearchParams('span=ab'), pathModePatch('sync')).toString()).toBe('span=ab&path=sync');
  });
});
