import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/scenarios/parse';

/** A small lesson file; `steps` and `requestExpect` are spliced in as YAML. */
function lessonFile(
  steps: string,
  requestExpect = '{ status: 403, stoppedAt: authorization, reason: Forbidden }',
) {
  return `apiVersion: kube-request-flow.dev/v1alpha1
kind: Scenario
metadata: { name: tiny }
spec:
  users:
    - { name: admin, credential: { type: x509, commonName: admin, organizations: [system:masters] } }
    - { name: carol, credential: { type: anonymous } }
  objects: ""
  requests:
    - id: carol-lists
      user: carol
      command: kubectl get pods
      expect: ${requestExpect}
  lesson:
    markdown: hello
    steps:
${steps}
`;
}

const messages = (text: string) => {
  const parsed = parseScenario(text);
  return parsed.ok ? [] : parsed.problems.map((p) => p.message);
};

describe('Parsing a lesson', () => {
  it('reads steps with a request, a prediction, a highlight and a task', () => {
    const parsed = parseScenario(
      lessonFile(`      - id: denied
        narration: carol is denied.
        request: carol-lists
        predict: true
        highlight: { stage: authorization }
      - id: fix
        narration: Bind a role.
        highlight: { editor: rbac, find: "kind: Role" }
        task:
          goal: Let carol list pods.
          check: { user: carol, command: kubectl get pods, expect: { status: 200, stoppedAt: none } }
          solution: { user: admin, command: kubectl create clusterrolebinding x --clusterrole=view --user=system:anonymous }`),
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.spec.lesson?.steps?.map((s) => s.id)).toEqual(['denied', 'fix']);
      expect(parsed.value.spec.lesson?.steps?.[1]?.highlight).toEqual({ editor: 'rbac', find: 'kind: Role' });
    }
  });

  it('rejects two steps with one id', () => {
    expect(
      messages(
        lessonFile(`      - { id: a, narration: one }
      - { id: a, narration: two }`),
      ),
    ).toEqual(['spec.lesson.steps[1].id: Duplicate value: "a"']);
  });

  it('rejects a step playing a request that does not exist', () => {
    expect(messages(lessonFile('      - { id: a, narration: one, request: nope }'))).toEqual([
      'spec.lesson.steps[0].request: Not found: "nope"',
    ]);
  });

  it('rejects a prediction on a request that promises no stage', () => {
    expect(
      messages(
        lessonFile(
          '      - { id: a, narration: one, request: carol-lists, predict: true }',
          '{ status: 403 }',
        ),
      ),
    ).toEqual([
      'spec.lesson.steps[0].predict: Invalid value: true: a prediction needs a request whose expect has status and stoppedAt',
    ]);
  });

  it('rejects a task checked as a user the world does not have', () => {
    expect(
      messages(
        lessonFile(`      - id: a
        narration: one
        task: { goal: g, check: { user: dave, command: kubectl get pods, expect: { status: 200 } } }`),
      ),
    ).toEqual(['spec.lesson.steps[0].task.check.user: Not found: "dave"']);
  });

  it('says which fields a highlight needs', () => {
    expect(messages(lessonFile('      - { id: a, narration: one, highlight: { line: 3 } }'))).toEqual([
      'spec.lesson.steps[0].highlight: Required value: one of "stage", or "editor" and "find"',
    ]);
  });

  it('names the stages a request can stop at', () => {
    expect(
      messages(lessonFile('      - { id: a, narration: one }', '{ status: 403, stoppedAt: rbac }')),
    ).toEqual([
      'spec.requests[0].expect.stoppedAt: Unsupported value: "rbac": supported values: "authentication", "authorization", "decoding", "mutatingAdmission", "schemaValidation", "validatingAdmission", "storage", "none"',
    ]);
  });

  it('rejects an unknown translation language and a step id that is not a DNS label', () => {
    const text = lessonFile('      - { id: Step_1, narration: one }').replace(
      '    markdown: hello\n',
      '    markdown: hello\n    translations: { fr: { title: t, markdown: m } }\n',
    );
    expect(messages(text)).toEqual([
      'unknown field "spec.lesson.translations.fr"',
      'spec.lesson.steps[0].id: Invalid value: "Step_1": must match the regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    ]);
  });

  it('rejects translations of steps and requests the lesson does not have, and a goal for a step with no task', () => {
    const text = lessonFile('      - { id: a, narration: one }').replace(
      '    markdown: hello\n',
      `    markdown: hello
    translations:
      zh-CN:
        title: t
        markdown: m
        requests: { carol-lists: ok, gone: x }
        steps: { a: { narration: n, goal: g }, b: { narration: n } }
`,
    );
    expect(messages(text)).toEqual([
      'spec.lesson.translations.zh-CN.requests.gone: Not found: "gone"',
      'spec.lesson.translations.zh-CN.steps.a.goal: Invalid value: the step has no task',
      'spec.lesson.translations.zh-CN.steps.b: Not found: "b"',
    ]);
  });
});
