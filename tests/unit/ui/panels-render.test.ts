import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../../src/engine/resources';
import { RawHttpForm } from '../../../src/ui/panels/composer/RawHttpForm';
import { RequestLog } from '../../../src/ui/panels/composer/RequestLog';
import { EtcdPanel } from '../../../src/ui/panels/etcd/EtcdPanel';
import { ResourcesPanel } from '../../../src/ui/panels/resources/ResourcesPanel';
import { WatchPanel } from '../../../src/ui/panels/watch/WatchPanel';
import { ALICE_CREDENTIAL, kubectl, makeCluster } from './panel-helpers';
import { count, render, textOf } from './render';

const POD_KEY = '/registry/pods/default/nginx';

describe('The etcd panel', () => {
  const cluster = makeCluster();
  kubectl(cluster, 'admin', 'kubectl run nginx --image=nginx');
  kubectl(cluster, 'admin', 'kubectl label pod nginx tier=web');
  const html = render(EtcdPanel, {
    etcd: cluster.storage,
    highlightKey: POD_KEY,
    revision: cluster.storage.revision,
  });

  it('opens the tree down to the key just written and marks it', () => {
    expect(html).toContain('data-testid="etcd-panel"');
    expect(html).toMatch(new RegExp(`data-etcd-key="${POD_KEY}" data-highlighted="true"`));
    expect(html).toContain('aria-expanded="true"');
    expect(textOf(html)).toContain('Just written');
  });

  it('shows the selected key’s revisions, value and the diff of its last two writes', () => {
    const history = cluster.storage.history(POD_KEY);
    expect(html).toContain(`data-selected-key="${POD_KEY}"`);
    expect(html).toMatch(new RegExp(`data-testid="etcd-create-revision">${history[0]?.revision}<`));
    expect(html).toMatch(new RegExp(`data-testid="etcd-mod-revision">${history[1]?.revision}<`));
    expect(html).toContain('data-testid="etcd-value"');
    expect(html).toContain('data-diff="added"');
    expect(textOf(html)).toContain('tier');
  });

  it('keeps a single tab stop in the tree', () => {
    expect(count(html, 'tabindex="0"')).toBe(1);
  });
});

describe('The watch panel', () => {
  it('replays the events after sinceRevision, one row per event with its type', () => {
    const cluster = makeCluster();
    const since = cluster.storage.revision;
    kubectl(cluster, 'admin', 'kubectl run nginx --image=nginx');
    kubectl(cluster, 'admin', 'kubectl delete pod nginx');
    const html = render(WatchPanel, {
      etcd: cluster.storage,
      prefix: '/registry/pods/default/',
      sinceRevision: since,
      now: () => new Date('2024-11-23T14:00:05Z'),
    });
    expect(html).toContain('data-testid="watch-panel"');
    expect(count(html, 'data-event-type="ADDED"')).toBe(1);
    expect(count(html, 'data-event-type="DELETED"')).toBe(1);
    expect(textOf(html)).toContain('kubectl get pods -n default -w --output-watch-events');
  });

  it('holds back events past the revision the animation reached', () => {
    const cluster = makeCluster();
    const since = cluster.storage.revision;
    kubectl(cluster, 'admin', 'kubectl run nginx --image=nginx');
    const html = render(WatchPanel, {
      etcd: cluster.storage,
      prefix: '/registry/pods/default/',
      sinceRevision: since,
      visibleRevision: since,
    });
    expect(html).not.toContain('data-event-type=');
  });
});

describe('The resources panel', () => {
  it('lists every known resource, the core group as core', () => {
    const html = render(ResourcesPanel, {});
    expect(html).toContain('data-testid="resources-panel"');
    expect(count(html, 'data-resource="')).toBe(RESOURCES.length);
    expect(html).toMatch(/data-resource="pods"[\s\S]*?>core</);
    expect(html).toContain('aria-sort="ascending"');
  });
});

describe('The request log', () => {
  it('shows each request with its masked credential and a curl equivalent', () => {
    const cluster = makeCluster();
    const run = kubectl(cluster, 'alice', 'kubectl delete pod nginx');
    const html = render(RequestLog, { traces: run.traces, credential: ALICE_CREDENTIAL, activeIndex: 0 });
    const text = textOf(html);
    expect(html).toContain('data-testid="request-log"');
    expect(html).toContain('data-request-index="0"');
    expect(html).toContain('data-status="403"');
    expect(text).toContain('Authorization: Bearer <masked>');
    expect(text).toContain('Response Status: 403 Forbidden');
    expect(text).toContain("Authorization: Bearer <redacted>'");
    expect(text).not.toContain('t0k3n');
  });
});

describe('The raw HTTP form', () => {
  it('labels Method, Path, Headers and Body', () => {
    const html = render(RawHttpForm, { onSend: () => undefined });
    const text = textOf(html);
    for (const label of ['Method', 'Path', 'Headers', 'Body']) expect(text).toContain(label);
    expect(count(html, '<label')).toBe(4);
    expect(html).toContain('data-testid="raw-http-form"');
  });
});
