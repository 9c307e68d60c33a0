// Runs before each test file (setupFilesAfterEnv of jest.config.js).

// Jest setup provided by Grafana scaffolding. It is for the jsdom environment (it patches
// HTMLCanvasElement); test files that run in the node environment (@jest-environment node) skip it.
if (typeof HTMLCanvasElement !== 'undefined') {
  require('./.config/jest-setup');

  // jsdom has no canvas; @grafana/ui's Combobox measures option labels with a 2D context.
  HTMLCanvasElement.prototype.getContext = function getContext() {
    return { font: '', measureText: (text) => ({ width: String(text).length * 7 }) };
  };
}

// The suites must pass on a busy 2-core machine: pages load lazily and render large trees, so
// findBy*/waitFor wait up to 10 s (they return as soon as the element appears).
const { configure } = require('@testing-library/react');
configure({ asyncUtilTimeout: 10_000 });
