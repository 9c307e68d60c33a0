/**
 * The configuration page's model hook: the form (configForm.ts) started from the saved settings,
 * whether and why it cannot be saved, saving it through Grafana's plugin settings API (then
 * reloading Grafana, which hands an app its settings only when it loads), and the diagnostics of
 * the datasources chosen in it — everything `AppConfig` renders.
 */
import { useState } from 'react';
import type { AppPluginMeta } from '@grafana/data';
import type { AppSettings } from '../app/settings';
import { ConfigForm, diagnosticsTarget, formError, formFromSettings, settingsFromForm } from './configForm';
import { reloadPage } from './reloadPage';
import { describeSaveError, saveAppSettings } from './saveSettings';
import { useDiagnostics } from './useDiagnostics';

export function useConfigModel(meta: AppPluginMeta<AppSettings>) {
  const [form, setForm] = useState(() => formFromSettings(meta.jsonData));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const error = formError(form);
  const diagnostics = useDiagnostics(diagnosticsTarget(form));

  const save = async () => {
    if (error) {
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    try {
      await saveAppSettings(meta.id, { enabled: meta.enabled, pinned: meta.pinned }, settingsFromForm(form));
      reloadPage();
    } catch (e) {
      setSaveError(describeSaveError(e));
      setSaving(false);
    }
  };

  return {
    form,
    /** changes the fields in `patch` */
    change: (patch: Partial<ConfigForm>) => setForm((f) => ({ ...f, ...patch })),
    /** why the form cannot be saved (the traces limit), or undefined */
    error,
    saving,
    saveError,
    save,
    diagnostics,
  };
}
