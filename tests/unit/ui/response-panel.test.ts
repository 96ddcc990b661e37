import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/engine/types';
import { STARTER } from '../../../src/scenarios/starter';
import { AppStoreContext } from '../../../src/store/context';
import { createAppStore } from '../../../src/store/create-app-store';
import { pathOf } from '../../../src/store/path';
import { ResponsePanel } from '../../../src/ui/panels/ResponsePanel';
import { starterTrace, textOf } from './render';

function renderPanel(trace: Trace): string {
  const store = createAppStore(STARTER);
  store.setState({ traces: [trace], activeTrace: 0, step: pathOf(trace).length, status: 'done' });
  // Server rendering reads zustand's initial state; serve the current one instead.
  const rendered = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(
    createElement(AppStoreContext.Provider, { value: rendered }, createElement(ResponsePanel)),
  );
}

describe('The response panel', () => {
  it('prints each response warning as a `Warning:` line', () => {
    const trace = starterTrace('alice', 'kubectl run nginx --image=nginx');
    const warned: Trace = {
      ...trace,
      response: { ...trace.response, warnings: ['unknown field "spec.containers[0].imagee"', 'second'] },
    };
    const html = renderPanel(warned);
    expect(html).toContain('data-testid="response-warnings"');
    expect(textOf(html)).toContain('Warning: unknown field "spec.containers[0].imagee" Warning: second');
  });

  it('shows no warning list when there is none', () => {
    const html = renderPanel(starterTrace('bob', 'kubectl delete pod nginx'));
    expect(html).toContain('data-status="403"');
    expect(html).not.toContain('response-warnings');
  });
});
