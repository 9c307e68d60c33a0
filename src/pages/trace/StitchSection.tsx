/**
 * The trace page's "Stitch related traces" control (useStitch.ts): the join attribute (default
 * `x_request_id`) and whether to follow links; while stitching, the search and fetch progress with
 * Cancel; then the join in one sentence, the stitched traces (each opens alone), what was left out,
 * and the way back to the trace alone. Only for a trace from a datasource.
 */
import React, { FormEvent, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Button, Checkbox, Field, Input, useStyles2 } from '@grafana/ui';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { Progress } from '../../components/Progress';
import { DEFAULT_JOIN_KEY, StitchRequest } from '../../loading/stitch-related';
import { stitchNotes, stitchSentence } from './stitchStatement';
import { TraceIdLinks } from './TraceIdLinks';
import { StitchState } from './useStitch';

interface Props {
  state: StitchState;
  /** stitch with a request, or (undefined) go back to the trace alone */
  onChange: (request: StitchRequest | undefined) => void;
  traceHref?: (traceId: string) => string;
}

const stitchedLabel = () => t('trace.stitch.section', 'Stitched traces');
const backLabel = () => t('trace.stitch.back', 'Back to this trace alone');

export function StitchSection({ state, onChange, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const [key, setKey] = useState(state.request?.key ?? DEFAULT_JOIN_KEY);
  const [followLinks, setFollowLinks] = useState(state.request?.followLinks ?? true);
  const back = (label: string) => (
    <Button size="sm" variant="secondary" onClick={() => onChange(undefined)}>
      {label}
    </Button>
  );
  const { request, progress, outcome, error } = state;
  if (!request) {
    const submit = (e: FormEvent) => {
      e.preventDefault();
      onChange({ key: key.trim(), followLinks });
    };
    return (
      <form className={styles.row} onSubmit={submit} aria-label={t('trace.stitch.form', 'Stitch related traces')}>
        <Field
          label={t('trace.stitch.key', 'Join attribute')}
          htmlFor="tracelens-stitch-key"
          description={t(
            'trace.stitch.key-description',
            'Traces with a span carrying the same value belong to one request'
          )}
        >
          <Input id="tracelens-stitch-key" value={key} width={24} onChange={(e) => setKey(e.currentTarget.value)} />
        </Field>
        <Checkbox
          label={t('trace.stitch.follow-links', 'Follow links')}
          value={followLinks}
          onChange={(e) => setFollowLinks(e.currentTarget.checked)}
        />
        <Button type="submit" size="sm" icon="link" disabled={key.trim() === ''}>
          <Trans i18nKey="trace.stitch.submit">Stitch related traces</Trans>
        </Button>
      </form>
    );
  }
  if (error) {
    return (
      <section className={styles.wrap} aria-label={stitchedLabel()}>
        <DataErrorAlert title={t('trace.stitch.failed', 'Could not stitch the related traces')} error={error} />
        <div>{back(backLabel())}</div>
      </section>
    );
  }
  if (!outcome) {
    return (
      <section className={styles.row} aria-label={stitchedLabel()}>
        {progress ? (
          <Progress
            label={
              progress.phase === 'searching'
                ? t('trace.stitch.searching', 'Searching for related traces')
                : t('trace.stitch.fetching', 'Fetching related traces')
            }
            done={progress.done}
            total={progress.total}
          />
        ) : (
          <span className={styles.note}>
            <Trans i18nKey="trace.stitch.looking">Looking for related traces…</Trans>
          </span>
        )}
        {back(t('trace.stitch.cancel', 'Cancel'))}
      </section>
    );
  }
  const others = outcome.stitched.traceIds.slice(1);
  return (
    <section className={styles.wrap} aria-label={stitchedLabel()}>
      <div className={styles.row}>
        <strong data-testid="stitch-sentence">{stitchSentence(request, outcome)}</strong>
        {back(backLabel())}
      </div>
      {others.length > 0 && (
        <p className={styles.note}>
          <Trans
            i18nKey="trace.stitch.with"
            defaults="With <traces />; the waterfall, critical path, breakdowns and LLM figures below are of the stitched request."
            components={{ traces: <TraceIdLinks traceIds={others} traceHref={traceHref} /> }}
          />
        </p>
      )}
      {stitchNotes(request, outcome).map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), marginBottom: theme.spacing(2) }),
  row: css({
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
    '& > div': { marginBottom: 0 },
  }),
  note: css({ margin: 0, color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
