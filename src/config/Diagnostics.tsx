import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Button, FieldSet, Icon, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import type { CheckStatus } from './diagnostics';
import type { DiagnosticsModel } from './useDiagnostics';
import { t, Trans } from '@grafana/i18n';
import { AS_TEXT } from '../components/i18n';

const ICONS: Record<CheckStatus, 'check-circle' | 'exclamation-triangle' | 'times-circle'> = {
  ok: 'check-circle',
  warning: 'exclamation-triangle',
  error: 'times-circle',
};

/** A check status's name, for screen readers. */
function statusLabel(status: CheckStatus): string {
  switch (status) {
    case 'ok':
      return t('config.diagnostics.status-ok', 'ok');
    case 'warning':
      return t('config.diagnostics.status-warning', 'warning');
    case 'error':
      return t('config.diagnostics.status-error', 'error');
  }
}

/**
 * The diagnostics of the datasources chosen in the form (useDiagnostics.ts): each check with its
 * status, what was found and how to fix it, and a button to run them again.
 */
export function Diagnostics({ model }: { model: DiagnosticsModel }) {
  const styles = useStyles2(getStyles);
  const { ready, checks: state } = model;
  return (
    <FieldSet label={t('config.diagnostics.title', 'Diagnostics')}>
      {!ready && (
        <p className={styles.muted}>
          <Trans i18nKey="config.diagnostics.not-ready">
            Choose a trace datasource (Tempo or Jaeger) and a Prometheus datasource to check them.
          </Trans>
        </p>
      )}
      {state.loading && (
        <LoadingPlaceholder text={t('config.diagnostics.checking', 'Checking the trace datasource and Prometheus…')} />
      )}
      {state.value && !state.loading && (
        <ul className={styles.list} aria-label={t('config.diagnostics.title', 'Diagnostics')}>
          {state.value.map((c) => (
            <li key={c.id} className={styles.item} data-testid={`check-${c.id}`} data-status={c.status}>
              <Icon name={ICONS[c.status]} className={styles[c.status]} aria-label={statusLabel(c.status)} />
              <div>
                <strong>{c.title}</strong>
                <div className={styles.muted}>{c.detail}</div>
                {c.hint && c.status !== 'ok' && (
                  <div className={styles.hint}>
                    {t('config.diagnostics.fix', 'How to fix: {{hint}}', { hint: c.hint, ...AS_TEXT })}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Button variant="secondary" icon="sync" onClick={model.runAgain} disabled={!ready || state.loading}>
        <Trans i18nKey="config.diagnostics.run-again">Run checks again</Trans>
      </Button>
    </FieldSet>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(0, 0, 2),
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  }),
  item: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'flex-start' }),
  muted: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  hint: css({ fontSize: theme.typography.bodySmall.fontSize, marginTop: theme.spacing(0.25) }),
  ok: css({ color: theme.colors.success.text, flexShrink: 0 }),
  warning: css({ color: theme.colors.warning.text, flexShrink: 0 }),
  error: css({ color: theme.colors.error.text, flexShrink: 0 }),
});
