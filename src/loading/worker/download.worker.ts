/**
 * The analysis worker's download helper (download-helper.ts): webpack emits it as its own small
 * chunk, started by the analysis worker (analysis.worker.ts). It downloads and decodes the bodies
 * it is asked for and posts their text piece by piece. O(body) per download.
 */
import { serveDownloads } from './download-helper';

serveDownloads(self);
