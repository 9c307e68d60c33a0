// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// jsdom has no canvas; @grafana/ui's Combobox measures option labels with a 2D context.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = function getContext() {
    return { font: '', measureText: (text) => ({ width: String(text).length * 7 }) };
  };
}

// The suites must pass on a busy 2-core machine: pages load lazily and render large trees, so
// findBy*/waitFor wait up to 10 s (they return as soon as the element appears).
const { configure } = require('@testing-library/react');
configure({ asyncUtilTimeout: 10_000 });
