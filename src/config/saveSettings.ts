import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { AppSettings } from '../app/settings';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../components/i18n';

/** Saves the app's jsonData through Grafana's plugin settings API (POST /api/plugins/<id>/settings). */
export async function saveAppSettings(
  pluginId: string,
  state: { enabled?: boolean; pinned?: boolean },
  jsonData: AppSettings
): Promise<void> {
  await lastValueFrom(
    getBackendSrv().fetch({
      url: `/api/plugins/${encodeURIComponent(pluginId)}/settings`,
      method: 'POST',
      data: { enabled: state.enabled, pinned: state.pinned, jsonData },
      showErrorAlert: false,
    })
  );
}

/** Turns a failed save into a sentence for the config page. */
export function describeSaveError(error: unknown): string {
  const e = error as { status?: number; data?: { message?: string }; message?: string };
  if (e?.status === 403 || e?.status === 401) {
    return t('config.save.forbidden', 'You are not allowed to change this app’s settings: ask a Grafana admin.');
  }
  const detail = e?.data?.message ?? e?.message;
  return detail
    ? t('config.save.failed', 'Saving failed: {{detail}}', { detail, ...AS_TEXT })
    : t('config.save.no-answer', 'Saving failed: Grafana did not answer.');
}
