/**
 * Trace latency breakdown panel: trace frames or Tempo/Jaeger search results (or the TraceLens
 * connector's metrics, for all traffic) in, breakdown out. It
 * renders what its model (usePanelModel.ts, panelModel.ts) gives: a message, the fetch progress
 * (with Cancel), or the header (with the coverage line) and the chosen view.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { BreakdownContent } from './BreakdownContent';
import { BreakdownOptions } from './options';
import { PanelHeader } from './PanelHeader';
import { PanelMessageView } from './PanelMessageView';
import { SearchProgress } from './SearchProgress';
import { usePanelModel } from './usePanelModel';

export function BreakdownPanel(props: PanelProps<BreakdownOptions>) {
  const { options, width, height } = props;
  const styles = useStyles2(getStyles);
  const { body, tiny, cancel, raise } = usePanelModel(props);
  return (
    <div className={styles.panel} style={{ width, height }} data-testid="breakdown-panel">
      {body.kind === 'message' && <PanelMessageView message={body.message} />}
      {body.kind === 'progress' && (
        <SearchProgress coverage={body.coverage} done={body.done} total={body.total} onCancel={cancel} />
      )}
      {body.kind === 'breakdown' && (
        <>
          {!tiny && <PanelHeader summary={body.summary} coverage={body.coverage} raise={raise} notes={body.notes} />}
          <div className={styles.content}>
            <BreakdownContent view={body.view} {...body.content} unit={options.unit} width={width} />
          </div>
        </>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.5), overflow: 'hidden' }),
  content: css({ flex: 1, minHeight: 0, overflow: 'auto' }),
});
