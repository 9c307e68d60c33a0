/**
 * Saves text as a download named `fileName`: a Blob URL on a temporary link, clicked, and revoked
 * a minute later (some browsers still read the URL after the click returns). The link is never put
 * in the document: Grafana turns clicks on same-origin links that reach the document into history
 * pushes (a Blob URL has the page's origin), which would navigate away instead of downloading.
 */
export const REVOKE_AFTER_MS = 60_000;

export function saveText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
