/**
 * "12.5 MB": a byte count in Grafana's `decbytes` format (powers of 1000, as downloads and files
 * are sized), for the trace page's download progress and the open-file form's reading progress.
 */
import { formattedValueToString, getValueFormat } from '@grafana/data';

export const bytesText = (n: number) => formattedValueToString(getValueFormat('decbytes')(n));
