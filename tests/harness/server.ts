/**
 * The harness server: a stand-in for the parts of Grafana the plugin talks to.
 *   /                                   the harness page (any app path: the page routes itself)
 *   /harness-assets/*                   the host bundle (esbuild, built at start) and SystemJS
 *   /public/plugins/<id>/*              dist/ bytes unchanged (lazy chunks carry SRI hashes)
 *   /public/build/img/icons/*           @grafana/ui's icons; the few the npm package lacks (spinner,
 *                                       angle-double-left…) get a plain circle, not a 404
 *   /public/fonts/*                     Inter is not on npm: Liberation Sans (Chromium's Debian
 *                                       dependency) stands in; any other /public/* is a 404
 *   /api/datasources/proxy/uid/<uid>/*  forwarded to the Tempo (uid tempo), Jaeger (uid jaeger) or
 *                                       Prometheus (uid prometheus) given; an unreachable upstream is a 502, an
 *                                       unknown uid a 404 "Data source not found", as in Grafana
 *   /api/plugins/<id>/settings          GET the app's meta with its jsonData, POST to change it
 */
import http from 'node:http';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const PLUGIN_ID = 'tracelens-analysis-app';
const ICONS = path.join(ROOT, 'node_modules/@grafana/ui/dist/public/img/icons');
const SYSTEMJS = path.join(ROOT, 'node_modules/systemjs/dist');
const FONTS = '/usr/share/fonts/truetype/liberation';
/** The double chevron the time range picker's "earlier" button asks for (absent from the npm package). */
const DOUBLE_LEFT =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M11 6l-6 6 6 6M19 6l-6 6 6 6" fill="none" stroke="currentColor" stroke-width="2"/></svg>';
const MISSING_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="3" stroke-dasharray="40 20"/></svg>';

export interface HarnessOptions {
  port?: number;
  /** upstream of datasource uid `tempo` (in tests: the recorded-Tempo server, tests/harness/recorded-tempo.ts) */
  tempoUrl?: string;
  /** upstream of datasource uid `jaeger` */
  jaegerUrl?: string;
  promUrl: string;
  /** the app's initial jsonData */
  jsonData?: Record<string, unknown>;
}

export interface Harness {
  url: string;
  /** replace the app's jsonData (what POST /api/plugins/<id>/settings does) */
  setJsonData(jsonData: Record<string, unknown>): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><base href="/"><title>TraceLens harness</title>
<link rel="stylesheet" href="/harness-assets/host.css">
<script src="/harness-assets/systemjs/system.js"></script>
<script src="/harness-assets/systemjs/extras/amd.js"></script>
</head><body><div id="root"></div><div id="panel"></div>
<script src="/harness-assets/host.js"></script></body></html>`;

async function buildHost(): Promise<Map<string, Uint8Array>> {
  const result = await esbuild.build({
    entryPoints: { host: path.join(__dirname, 'host.tsx') },
    bundle: true,
    write: false,
    format: 'iife',
    outdir: '/harness-assets',
    publicPath: '/harness-assets',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    sourcemap: false,
    logLevel: 'error',
    // lodash must not see the AMD `define` (it would register itself with SystemJS instead of exporting).
    define: { define: 'undefined', 'process.env.NODE_ENV': '"production"', global: 'window' },
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  });
  return new Map(result.outputFiles.map((f) => [f.path.replace(/^\/harness-assets\//, ''), f.contents]));
}

/** Sends `root/file`; a missing file is a 404 unless a `fallback` SVG is given. */
async function sendFile(res: http.ServerResponse, file: string, root: string, fallback?: string) {
  const resolved = path.resolve(root, file);
  if (!resolved.startsWith(root + path.sep)) {
    return notFound(res);
  }
  try {
    const bytes = await readFile(resolved);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(resolved)] ?? 'application/octet-stream' });
    res.end(bytes);
  } catch {
    if (fallback) {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      return res.end(fallback);
    }
    notFound(res);
  }
}

function notFound(res: http.ServerResponse, message = 'Not found') {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ message }));
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, upstreamBase: string, rest: string) {
  const target = new URL(rest, upstreamBase.endsWith('/') ? upstreamBase : `${upstreamBase}/`);
  const upstream = http.request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    }
  );
  // a browser that stops reading (an aborted fetch, a terminated worker) ends the upstream request
  // too, as Grafana's proxy does
  res.on('close', () => upstream.destroy());
  upstream.on('error', (e) => {
    if (!res.headersSent) {
      res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: `Bad Gateway: ${e.message}` }));
    } else {
      res.destroy();
    }
  });
  req.pipe(upstream);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const assets = await buildHost();
  const pluginJson = JSON.parse(await readFile(path.join(DIST, 'plugin.json'), 'utf8'));
  let jsonData = options.jsonData ?? { tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus' };
  const upstreams: Record<string, string | undefined> = {
    tempo: options.tempoUrl,
    jaeger: options.jaegerUrl,
    prometheus: options.promUrl,
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://harness');
    const p = url.pathname;
    const proxied = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/(.*)$/.exec(p);
    if (proxied) {
      const base = upstreams[decodeURIComponent(proxied[1])];
      return base
        ? proxy(req, res, base, proxied[2] + url.search)
        : notFound(res, `Data source not found: ${proxied[1]}`);
    }
    if (p === `/api/plugins/${PLUGIN_ID}/settings`) {
      if (req.method === 'POST') {
        const body = JSON.parse((await readBody(req)) || '{}');
        jsonData = body.jsonData ?? jsonData;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ message: 'Plugin settings updated' }));
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(
        JSON.stringify({
          ...pluginJson,
          type: 'app',
          enabled: true,
          pinned: true,
          baseUrl: `public/plugins/${PLUGIN_ID}`,
          module: `public/plugins/${PLUGIN_ID}/module.js`,
          jsonData,
        })
      );
    }
    if (p.startsWith('/harness-assets/systemjs/')) {
      return sendFile(res, p.slice('/harness-assets/systemjs/'.length), SYSTEMJS);
    }
    if (p.startsWith('/harness-assets/')) {
      const asset = assets.get(p.slice('/harness-assets/'.length));
      if (!asset) {
        return notFound(res);
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(p)] ?? 'application/octet-stream' });
      return res.end(asset);
    }
    if (p.startsWith(`/public/plugins/${PLUGIN_ID}/`)) {
      return sendFile(res, decodeURIComponent(p.slice(`/public/plugins/${PLUGIN_ID}/`.length)), DIST);
    }
    if (p.startsWith('/public/fonts/')) {
      return sendFile(res, /Medium|Bold/.test(p) ? 'LiberationSans-Bold.ttf' : 'LiberationSans-Regular.ttf', FONTS);
    }
    if (p.startsWith('/public/build/img/icons/')) {
      const icon = decodeURIComponent(p.slice('/public/build/img/icons/'.length));
      return sendFile(res, icon, ICONS, icon.endsWith('angle-double-left.svg') ? DOUBLE_LEFT : MISSING_ICON);
    }
    if (p.startsWith('/public/') || p.startsWith('/api/')) {
      return notFound(res);
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(HTML);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setJsonData: (next) => {
      jsonData = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
