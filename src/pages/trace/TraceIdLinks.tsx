/**
 * Trace ids as a comma-separated list, each a link to its trace page when pages can be opened
 * (`traceHref`), else plain code.
 */
import React from 'react';
import { useStyles2 } from '@grafana/ui';
import { getLinkStyles } from '../../components/linkStyles';

interface Props {
  traceIds: readonly string[];
  /** another trace's page; undefined where traces cannot be opened (a trace from a file) */
  traceHref?: (traceId: string) => string;
}

export function TraceIdLinks({ traceIds, traceHref }: Props) {
  const links = useStyles2(getLinkStyles);
  return (
    <>
      {traceIds.map((id, k) => (
        <React.Fragment key={id}>
          {k > 0 && ', '}
          {traceHref ? (
            <a className={links.link} href={traceHref(id)}>
              {id}
            </a>
          ) : (
            <code>{id}</code>
          )}
        </React.Fragment>
      ))}
    </>
  );
}
