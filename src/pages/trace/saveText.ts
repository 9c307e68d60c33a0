/**
 * Saves text as a download named `fileName`: a Blob URL on a temporary link, clicked, and revoked
 * a minute later (some browsers still read the URL after the click returns).
 */
export const REVOKE_AFTER_MS = 60_000;

export function saveText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
