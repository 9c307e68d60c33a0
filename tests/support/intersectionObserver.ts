/**
 * Test support: jsdom has no IntersectionObserver; a Grafana Combobox menu's scroll indicators
 * only need it to exist. `stubIntersectionObserver()` in a test file installs an inert one (once).
 */
export function stubIntersectionObserver(): void {
  beforeAll(() => {
    window.IntersectionObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    } as unknown as typeof IntersectionObserver;
  });
}
