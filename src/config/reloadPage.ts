/** Reloads Grafana so it hands the app its new settings (it reads them only when the app loads). */
export function reloadPage(): void {
  window.location.reload();
}
