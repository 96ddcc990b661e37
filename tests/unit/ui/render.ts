import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createCluster } from '../../../src/engine';
import type { StageName, StageResult, Trace } from '../../../src/engine/types';
import { STARTER } from '../../../src/scenarios/starter';

/** Renders a component to HTML (Node has no DOM; the markup is what the browser would get). */
export function render<P extends object>(component: FunctionComponent<P>, props: P): string {
  return renderToStaticMarkup(createElement(component, props));
}

/** How many times `needle` occurs in `html`. */
export function count(html: string, needle: string): number {
  return html.split(needle).length - 1;
}

/** The text of the markup, tags removed and entities decoded (enough for assertions). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Runs a command as a starter user on a fresh starter cluster; returns the first trace. */
export function starterTrace(user: string, command: string): Trace {
  // A machine where kubectl ran before: the command's own request comes first, no discovery.
  const cluster = createCluster({ ...STARTER.cluster, kubectlCache: 'warm' });
  const trace = cluster.kubectl(command, user, { namespace: 'default' }).traces[0];
  if (trace === undefined) throw new Error(`no request for ${command}`);
  return trace;
}

export function stageOf<D>(trace: Trace, stage: StageName): StageResult<D> & { details: D } {
  const result = trace.stages.find((s) => s.stage === stage);
  if (result?.details === undefined) throw new Error(`${stage} has no details`);
  return result as StageResult<D> & { details: D };
}
