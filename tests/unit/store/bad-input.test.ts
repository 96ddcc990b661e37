import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../../src/scenarios/format';
import { parseMarkdown } from '../../../src/scenarios/markdown';
import { parseScenario } from '../../../src/scenarios/parse';
import type { SourceId } from '../../../src/scenarios/sources';
import { STARTER, STARTER_TEXT } from '../../../src/scenarios/starter';
import { bootWorkspace } from '../../../src/store/boot';
import { createAppStore } from '../../../src/store/create-app-store';
import { QUARANTINE_PREFIX, readWorkspace, WORKSPACE_KEY } from '../../../src/store/persistence';
import { readShareLink } from '../../../src/store/share';
import type { AppStore } from '../../../src/store/types';
import { memoryStorage } from './fake-storage';

/**
 * Bad input never breaks the app or loses work: each case feeds one hostile or broken text and
 * checks the message the learner sees AND that the previous workspace (a good edit made just
 * before) is still the world that runs.
 */

const GRANT_DELETE = (rbac: string) =>
  rbac.replace('verbs: ["get", "list", "watch"]', 'verbs: ["get", "list", "watch", "delete"]');

/** A store whose workspace has one good edit: bob may delete pods (so his delete gets a 404, not a 403). */
function workspaceWithEdit(): AppStore {
  const store = createAppStore(STARTER, { reducedMotion: true });
  store.getState().loadExample('forbidden-delete');
  store.getState().send();
  store.getState().editSource('rbac', GRANT_DELETE(store.getState().sources.texts.rbac));
  expect(store.getState().traces.at(-1)?.response.status).toBe(404);
  return store;
}

/** The previous workspace survives: same last-good document, bob's delete still allowed, other tabs untouched, the bad text kept. */
function expectSurvives(
  store: AppStore,
  before: ReturnType<AppStore['getState']>,
  tab: SourceId,
  bad: string,
) {
  const s = store.getState();
  expect(s.scenario.document).toBe(before.scenario.document);
  expect(s.cluster).toBe(before.cluster);
  expect(s.traces.at(-1)?.response.status).toBe(404);
  expect(s.sources.texts[tab]).toBe(bad);
  for (const other of Object.keys(s.sources.texts) as SourceId[])
    if (other !== tab) expect(s.sources.texts[other]).toBe(before.sources.texts[other]);
  // And the text can be fixed: undo brings the good text back.
  s.undo();
  expect(store.getState().sources.texts[tab]).toBe(before.sources.texts[tab]);
  expect(store.getState().problems).toEqual({});
}

const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const deepBlock = (n: number) =>
  `${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} x\n`;
const ALIAS_BOMB = `apiVersion: v1
kind: ConfigMap
metadata: { name: lol, namespace: default }
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
`;

interface EditCase {
  readonly name: string;
  readonly tab: SourceId;
  readonly text: (current: string) => string;
  readonly message: string | RegExp;
  readonly line?: number;
}

const EDIT_CASES: readonly EditCase[] = [
  {
    name: 'malformed YAML (unclosed flow sequence)',
    tab: 'objects',
    text: () => 'apiVersion: v1\nkind: [Namespace\n',
    message: /^yaml: /,
  },
  {
    name: 'a tab used for indentation',
    tab: 'objects',
    text: () => 'apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: x\n',
    message: /^yaml: /,
    line: 4,
  },
  { name: 'a YAML alias bomb', tab: 'objects', text: () => ALIAS_BOMB, message: /Excessive alias count/ },
  {
    name: 'a document over the 3 MiB body limit',
    tab: 'objects',
    text: () => `# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`,
    message: '413 Request Entity Too Large: Request entity too large: limit is 3145728',
  },
  {
    name: 'flow nesting 200 levels deep',
    tab: 'objects',
    text: () => `apiVersion: v1\nkind: ConfigMap\ndata: ${deep(200)}\n`,
    message: 'nesting is deeper than 64 levels',
    line: 3,
  },
  {
    name: 'block nesting 80 levels deep',
    tab: 'server',
    text: () => deepBlock(80),
    message: 'nesting is deeper than 64 levels',
  },
  {
    name: 'duplicate keys',
    tab: 'objects',
    text: () => 'apiVersion: v1\nkind: Namespace\nkind: Pod\nmetadata: { name: x }\n',
    message: /Map keys must be unique/,
    line: 3,
  },
  {
    name: 'an unknown kind',
    tab: 'objects',
    text: (c) => `${c}---\napiVersion: example.com/v1\nkind: Frobnicator\nmetadata: { name: x }\n`,
    message: 'no matches for kind "Frobnicator" in version "example.com/v1"',
  },
  {
    name: 'an unknown apiVersion for a known kind',
    tab: 'objects',
    text: () => 'apiVersion: v2\nkind: Pod\nmetadata: { name: x }\n',
    message: 'no matches for kind "Pod" in version "v2"',
    line: 2,
  },
  {
    name: 'a manifest without kind',
    tab: 'rbac',
    text: () => 'apiVersion: v1\nmetadata: { name: x }\n',
    message: "Object 'Kind' is missing",
  },
  {
    name: 'a manifest without a name',
    tab: 'rbac',
    text: () => 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {}\n',
    message: 'a ClusterRole has no metadata.name',
  },
  {
    name: 'a manifest that is a list',
    tab: 'objects',
    text: () => '- a\n- b\n',
    message: 'each document must be a mapping (apiVersion, kind, metadata…)',
  },
  {
    name: 'a __proto__ key in a manifest',
    tab: 'objects',
    text: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n__proto__: { polluted: true }\n',
    message: 'key "__proto__" is not allowed',
    line: 4,
  },
  {
    name: 'a __proto__ key in users',
    tab: 'users',
    text: () => '- name: a\n  __proto__: { isAdmin: true }\n  credential: { type: anonymous }\n',
    message: 'key "__proto__" is not allowed',
    line: 2,
  },
  {
    name: 'a constructor key in users',
    tab: 'users',
    text: () => '- name: a\n  constructor: { prototype: { x: 1 } }\n  credential: { type: anonymous }\n',
    message: 'unknown field "spec.users[0].constructor"',
    line: 2,
  },
  {
    name: 'HTML in a user name',
    tab: 'users',
    text: () => '- name: "<img src=x onerror=alert(1)>"\n  credential: { type: anonymous }\n',
    message: /spec\.users\[0\]\.name: Invalid value: "<img src=x onerror=alert\(1\)>": must match the regex/,
  },
  {
    name: 'users that are not a list',
    tab: 'users',
    text: () => 'alice: { token: x }\n',
    message: 'spec.users: Invalid value: "object": must be an array',
  },
  {
    name: 'an unknown credential type',
    tab: 'users',
    text: () => '- name: a\n  credential: { type: password }\n',
    message:
      /spec\.users\[0\]\.credential\.type: Unsupported value: "password": supported values: "token", "x509"/,
  },
  {
    name: 'a credential without its fields',
    tab: 'users',
    text: () => '- name: a\n  credential: { type: token }\n',
    message: 'spec.users[0].credential.token: Required value',
  },
  {
    name: 'duplicate user names',
    tab: 'users',
    text: (c) => `${c}- name: bob\n  credential: { type: anonymous }\n`,
    message: /Duplicate value: "bob"/,
  },
  {
    name: 'an unknown authorization mode',
    tab: 'server',
    text: () => 'authorization:\n  modes: [RBAC, Magic]\n',
    message: /spec\.server\.authorization\.modes\[1\]: Unsupported value: "Magic"/,
    line: 2,
  },
  {
    name: 'an unknown admission plugin',
    tab: 'server',
    text: () => 'admission:\n  plugins: [NamespaceLifecycle, MakeItSo]\n',
    message: /Unsupported value: "MakeItSo"/,
  },
  {
    name: 'an unknown server field',
    tab: 'server',
    text: () => 'authentication:\n  anonymous: yes-please\n',
    message: 'spec.server.authentication.anonymous: Invalid value: "string": must be a boolean',
  },
  {
    name: 'a request for a user who does not exist',
    tab: 'requests',
    text: () => '- id: x\n  user: eve\n  command: kubectl get pods\n',
    message: 'spec.requests[0].user: Not found: "eve"',
    line: 2,
  },
  {
    name: 'duplicate request ids',
    tab: 'requests',
    text: () =>
      '- { id: x, user: bob, command: kubectl get pods }\n- { id: x, user: bob, command: kubectl get pods }\n',
    message: 'spec.requests[1].id: Duplicate value: "x"',
  },
  {
    name: 'an expected status out of range',
    tab: 'requests',
    text: () => '- { id: x, user: bob, command: kubectl get pods, expect: { status: 999 } }\n',
    message: 'spec.requests[0].expect.status: Invalid value: 999: must be at most 599',
  },
];

describe('Bad edits keep the previous workspace running', () => {
  for (const c of EDIT_CASES) {
    it(`rejects ${c.name} with a message`, () => {
      const store = workspaceWithEdit();
      const before = store.getState();
      const bad = c.text(before.sources.texts[c.tab]);
      store.getState().editSource(c.tab, bad);
      const problem = store.getState().problems[c.tab]?.[0];
      expect(problem).toBeDefined();
      if (typeof c.message === 'string') expect(problem?.message).toBe(c.message);
      else expect(problem?.message).toMatch(c.message);
      if (c.line !== undefined) expect(problem?.position?.line).toBe(c.line);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expectSurvives(store, before, c.tab, bad);
    });
  }
});

describe('Bad files, links and saved state never replace the workspace', () => {
  const bootWithSaved = () => {
    const storage = memoryStorage();
    const first = bootWorkspace({ storage, hash: '', tabId: 'a', options: { reducedMotion: true } });
    first.store.getState().editSource('rbac', GRANT_DELETE(first.store.getState().sources.texts.rbac));
    first.autosave.flush();
    first.autosave.dispose();
    return storage;
  };
  const savedRbac = (storage: ReturnType<typeof memoryStorage>) => {
    const r = readWorkspace(storage);
    return r.kind === 'loaded' ? r.envelope.workspace.sources.texts.rbac : undefined;
  };

  const FILE_CASES: readonly [string, string, string | RegExp][] = [
    [
      'a file of another kind',
      STARTER_TEXT.replace('kind: Scenario', 'kind: Lesson'),
      'no matches for kind "Lesson" in version "kube-request-flow.dev/v1alpha1"',
    ],
    [
      'a file of an unknown version',
      STARTER_TEXT.replace('kube-request-flow.dev/v1alpha1', 'kube-request-flow.dev/v9'),
      'no matches for kind "Scenario" in version "kube-request-flow.dev/v9"',
    ],
    [
      'two documents in one file',
      `${STARTER_TEXT}---\nkind: Scenario\n`,
      'expected one YAML document, found several',
    ],
    ['a file that is a plain string', 'hello', /a scenario must be a mapping/],
    [
      'a file with script in the lesson and title (accepted, shown as text)',
      STARTER_TEXT.replace('title: Starter cluster', 'title: "<script>alert(1)</script>"'),
      '',
    ],
  ];
  for (const [name, text, message] of FILE_CASES) {
    it(`import: ${name}`, () => {
      const result = parseScenario(text);
      if (message === '') {
        expect(result.ok && result.value.metadata.title).toBe('<script>alert(1)</script>');
        return;
      }
      expect(result.ok).toBe(false);
      const got = result.ok ? '' : (result.problems[0]?.message ?? '');
      if (typeof message === 'string') expect(got).toBe(message);
      else expect(got).toMatch(message);
    });
  }

  const LINK_CASES: readonly [string, string, string | RegExp][] = [
    [
      'a hostile link with markup',
      '#scenario=<script>alert(1)</script>',
      'the link contains characters a scenario link never has',
    ],
    [
      'a truncated link',
      `#scenario=${compressToEncodedURIComponent(STARTER_TEXT).slice(0, 40)}`,
      /truncated or damaged|yaml: |must be a mapping/,
    ],
    ['a link to garbage', '#scenario=AAAAAAAAAAAAAAAA', /truncated or damaged|must be a mapping|yaml: /],
    [
      'a link to an invalid scenario',
      `#scenario=${compressToEncodedURIComponent('apiVersion: kube-request-flow.dev/v1alpha1\nkind: Scenario\nmetadata: { name: x }\nspec: {}\n')}`,
      'spec.users: Required value',
    ],
    ['an enormous link', `#scenario=${'A'.repeat(40_000)}`, 'the link is longer than any this app creates'],
  ];
  for (const [name, hash, message] of LINK_CASES) {
    it(`share link: ${name} shows a message and keeps the saved workspace`, () => {
      const link = readShareLink(hash);
      expect(link?.ok).toBe(false);
      const storage = bootWithSaved();
      const saved = savedRbac(storage);
      const { store } = bootWorkspace({ storage, hash, tabId: 'b', options: {} });
      const notice = store.getState().notices.find((n) => n.id === 'share-broken');
      expect(notice?.key).toBe('notice.shareBroken');
      if (typeof message === 'string') expect(notice?.detail).toContain(message);
      else expect(notice?.detail).toMatch(message);
      expect(store.getState().workspaceMode).toBe('saved');
      expect(store.getState().sources.texts.rbac).toBe(saved);
    });
  }

  const SAVED_CASES: readonly [string, string, RegExp][] = [
    ['saved state that is not JSON', '{"version":2,', /not valid JSON/],
    [
      'saved state from a newer app',
      JSON.stringify({ version: 99, workspace: {} }),
      /version 99, newer than this app/,
    ],
    [
      'saved state without the scenario texts',
      JSON.stringify({ version: 2, savedAt: 1, tabId: 'x', workspace: { lessonId: 'starter' } }),
      /scenario texts are missing/,
    ],
    [
      'a version 1 save whose scenario is broken',
      JSON.stringify({ version: 1, scenario: 'kind: [' }),
      /version 1 scenario is invalid/,
    ],
    ['saved state that is JSON null', 'null', /no version/],
  ];
  for (const [name, raw, reason] of SAVED_CASES) {
    it(`persistence: ${name} is quarantined with a notice, never a crash`, () => {
      const storage = memoryStorage({ [WORKSPACE_KEY]: raw });
      const { store } = bootWorkspace({ storage, hash: '', tabId: 'a', options: {} });
      const notice = store.getState().notices.find((n) => n.id === 'quarantined');
      expect(notice?.detail).toMatch(reason);
      const quarantined = storage.keys().find((k) => k.startsWith(QUARANTINE_PREFIX));
      expect(quarantined).toBeDefined();
      expect(storage.getItem(quarantined as string)).toBe(raw);
      expect(store.getState().scenario.id).toBe('starter');
    });
  }

  it('lesson Markdown: HTML stays text and javascript: links are dropped', () => {
    const blocks = parseMarkdown(
      '<script>alert(1)</script>\n\n[click](javascript:alert(1)) [ok](https://k8s.io)',
    );
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      inlines: [{ type: 'text', text: '<script>alert(1)</script>' }],
    });
    expect(JSON.stringify(blocks)).not.toContain('javascript:');
    expect(blocks[1]).toMatchObject({
      inlines: [{ type: 'text', text: 'click' }, { type: 'text' }, { type: 'link', href: 'https://k8s.io' }],
    });
  });
});
