/**
 * "12.5 MB": a byte count as Grafana's `decbytes` unit writes it (powers of 1000, as downloads and
 * files are sized), for the trace page's download progress and the open-file form's reading
 * progress. The formatter is built here from `scaledUnits`, as Grafana builds `decbytes`, because
 * `getValueFormat` first builds Grafana's whole unit index, translating every unit's name: 40–70 ms
 * on the page's thread, taken by the first progress report of a trace's download.
 */
import { formattedValueToString, scaledUnits } from '@grafana/data';

const DECIMAL_BYTES = scaledUnits(1000, [' B', ' kB', ' MB', ' GB', ' TB', ' PB', ' EB']);

export const bytesText = (n: number) => formattedValueToString(DECIMAL_BYTES(n));
