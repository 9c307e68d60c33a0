import { hasReadme } from './utils.ts';

export const copyFilePatterns = [
  // If src/README.md exists use it; otherwise the root README
  // To `compiler.options.output`
  { from: hasReadme() ? 'README.md' : '../README.md', to: '.', force: true },
  { from: '../plugin.json', to: '.' },
  { from: '../LICENSE', to: '.' },
  { from: '**/plugin.json', to: '.' },
  // Logos and screenshots of the app (src/img) and of nested plugins (src/panels/*/img).
  { from: '**/img/**/*', to: '.' },
  { from: '**/query_help.md', to: '.', noErrorOnMissing: true },
  // Dashboards the app's plugin.json `includes` (the same files Grafana provisions in the demo).
  { from: '../provisioning/dashboards/*.json', to: 'dashboards/[name][ext]' },
];
