import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportScript, impersonationOf, shellQuote } from '../../../src/scenarios/export-script';
import { SCENARIO_API_VERSION } from '../../../src/scenarios/format';
import { parseMarkdown } from '../../../src/scenarios/markdown';
import { migrateScenario } from '../../../src/scenarios/migrations';
import { parseScenario, SCENARIO_SCHEMA } from '../../../src/scenarios/parse';
import { loadAllBuiltInScenarios } from '../../../src/scenarios/registry';
import schemaFile from '../../../src/scenarios/schema.json';
import { serializeScenario } from '../../../src/scenarios/serialize';
import { assembleScenario, splitRbac, splitScenario } from '../../../src/scenarios/sources';
import { STARTER, STARTER_TEXT } from '../../../src/scenarios/starter';
import { validateSchema } from '../../../src/scenarios/validate-schema';

/** Every built-in file (the starter and each lesson, loaded as the app loads them on demand). */
const BUILT_IN_SCENARIOS = await loadAllBuiltInScenarios();

describe('The scenario format', () => {
  it('reads every built-in file', () => {
    for (const { text } of BUILT_IN_SCENARIOS) expect(parseScenario(text).ok).toBe(true);
  });

  it('round-trips: serialize → parse gives the same document', () => {
    for (const { scenario } of BUILT_IN_SCENARIOS) {
      const text = serializeScenario(scenario.document);
      const again = parseScenario(text);
      expect(again.ok && again.value).toEqual(scenario.document);
      expect(serializeScenario(again.ok ? again.value : scenario.document)).toBe(text);
    }
  });

  it('keeps objects as text, comments included, through serialize', () => {
    const text = serializeScenario(STARTER.document);
    expect(text).toContain('objects: |');
    expect(parse(text).spec.objects).toBe(STARTER.document.spec.objects);
  });

  it('splits into tabs and assembles back to the same document', () => {
    const sources = splitScenario(STARTER.document, STARTER_TEXT);
    expect(sources.texts.rbac).toContain('kind: ClusterRoleBinding');
    expect(sources.texts.objects).not.toContain('kind: Role');
    expect(sources.texts.server).toContain('# --token-auth-file');
    expect(assembleScenario(sources).document).toEqual(STARTER.document);
  });

  it('puts RBAC documents in their own tab and keeps the rest in order', () => {
    const { objects, rbac } = splitRbac('kind: Namespace\n---\nkind: Role\n---\nkind: Pod\n');
    expect(objects).toBe('kind: Namespace\n---\nkind: Pod\n');
    expect(rbac).toBe('kind: Role\n');
  });

  it('ships a JSON Schema that accepts every built-in document and names the version', () => {
    expect(schemaFile.properties.apiVersion.const).toBe(SCENARIO_API_VERSION);
    for (const { scenario } of BUILT_IN_SCENARIOS)
      expect(validateSchema(SCENARIO_SCHEMA, scenario.document)).toEqual([]);
  });

  it('reports schema errors at the field, with line and column', () => {
    const text = STARTER_TEXT.replace('credential: { type: anonymous }', 'credential: { type: magic }');
    const result = parseScenario(text);
    expect(result.ok).toBe(false);
    const problem = result.ok ? undefined : result.problems[0];
    expect(problem?.message).toContain('spec.users[4].credential.type: Unsupported value: "magic"');
    const line = text.split('\n').findIndex((l) => l.includes('type: magic')) + 1;
    expect(problem?.position?.line).toBe(line);
  });

  it('locates an unknown kind inside the objects block at the file line', () => {
    const text = STARTER_TEXT.replace(
      'kind: ServiceAccount\n    metadata: { name: default, namespace: default }',
      'kind: Frob\n    metadata: { name: default, namespace: default }',
    );
    const result = parseScenario(text);
    const problem = result.ok ? undefined : result.problems[0];
    expect(problem?.message).toBe('spec.objects: no matches for kind "Frob" in version "v1"');
    expect(problem?.position?.line).toBe(text.split('\n').findIndex((l) => l.includes('kind: Frob')) + 1);
  });
});

describe('Scenario migrations', () => {
  const v0 = {
    apiVersion: 'kube-request-flow.dev/v0alpha1',
    kind: 'Scenario',
    metadata: { name: 'old' },
    spec: {
      config: { authorization: { modes: ['RBAC'] } },
      users: [
        {
          name: 'admin',
          credential: { type: 'x509', commonName: 'admin', organizations: ['system:masters'] },
        },
      ],
      objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } }],
      examples: [{ id: 'list', user: 'admin', command: 'kubectl get pods', expectedStatus: 200 }],
    },
  };

  it('moves v0alpha1 config, examples and object lists to v1alpha1', () => {
    const { value, migratedFrom } = migrateScenario(v0);
    expect(migratedFrom).toBe('kube-request-flow.dev/v0alpha1');
    expect(value).toMatchObject({
      apiVersion: SCENARIO_API_VERSION,
      spec: {
        server: { authorization: { modes: ['RBAC'] } },
        requests: [{ id: 'list', expect: { status: 200 } }],
        objects: expect.stringContaining('kind: Namespace'),
      },
    });
  });

  it('opens a v0alpha1 file as a valid scenario', () => {
    const result = parseScenario(JSON.stringify(v0));
    expect(result.ok).toBe(true);
  });

  it('leaves current documents untouched', () => {
    expect(migrateScenario(STARTER.document).value).toBe(STARTER.document);
  });
});

describe('The kubectl export script', () => {
  const script = exportScript(STARTER.document);

  it('applies the objects with a quoted heredoc', () => {
    expect(script).toContain("kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Namespace");
  });

  it('impersonates each user with --as and --as-group', () => {
    expect(script).toContain('kubectl delete pod nginx --as=bob --as-group=viewers || true');
    expect(script).toContain(
      'kubectl run web --image=nginx -n staging --as=kubernetes-admin --as-group=system:masters || true',
    );
  });

  it('states the outcome the simulator predicts for each request', () => {
    expect(script).toContain('# simulator predicts: 403 Forbidden');
    expect(script).toContain('# simulator predicts: 201 Created');
    expect(script).toContain(
      "# mallory's credential does not authenticate (or is anonymous): sent as yourself.",
    );
  });

  it('writes request files before the command that reads them', () => {
    expect(script).toMatch(/cat > broken-pod\.yaml <<'EOF'\n[\s\S]*EOF\nkubectl create -f broken-pod\.yaml/);
  });

  it('never lets scenario text become shell syntax', () => {
    expect(shellQuote("x'; rm -rf ~")).toBe(`'x'\\''; rm -rf ~'`);
    const hostile = {
      ...STARTER.document,
      spec: {
        ...STARTER.document.spec,
        requests: [{ id: 'x', user: 'bob', command: 'kubectl get pods;rm -rf ~', title: 'a\nrm -rf ~' }],
      },
    };
    const out = exportScript(hostile);
    expect(out).toContain("kubectl get 'pods;rm -rf ~'".replace('pods;rm -rf ~', 'pods;rm'));
    expect(out.split('\n').filter((l) => l.startsWith('rm'))).toEqual([]);
  });

  it('derives service account identities', () => {
    expect(
      impersonationOf(
        { name: 'ci', credential: { type: 'serviceAccount', namespace: 'ci', name: 'deployer' } },
        STARTER.document,
      ),
    ).toEqual({
      user: 'system:serviceaccount:ci:deployer',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ci'],
    });
  });
});

describe('Lesson Markdown', () => {
  it('renders headings, lists, emphasis, code and safe links as data', () => {
    const blocks = parseMarkdown('# Title\n\n- **bold** and `code`\n- [docs](https://kubernetes.io)\n');
    expect(blocks[0]).toEqual({ type: 'heading', level: 1, inlines: [{ type: 'text', text: 'Title' }] });
    expect(blocks[1]).toMatchObject({
      type: 'list',
      items: [
        [{ type: 'strong' }, { type: 'text' }, { type: 'code' }],
        [{ type: 'link', href: 'https://kubernetes.io' }],
      ],
    });
  });
});
