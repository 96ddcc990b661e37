import { stringify } from 'yaml';
import { SCENARIO_API_VERSION } from './format';

/**
 * Scenario files name their version in `apiVersion`; older files are migrated step by step
 * (version → next version) before validation, so a file written for an older app still opens.
 *
 * v0alpha1 (the first prototype's shape): `spec.config` for the server flags, `spec.examples`
 * with `expectedStatus`, and `objects` possibly a list of objects rather than YAML text.
 */
export const SCENARIO_VERSIONS = ['kube-request-flow.dev/v0alpha1', SCENARIO_API_VERSION] as const;

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function v0alpha1ToV1alpha1(doc: Json): Json {
  const spec = isRecord(doc.spec) ? doc.spec : {};
  const { config, examples, objects, ...rest } = spec;
  const requests = Array.isArray(examples)
    ? examples.map((e) => {
        if (!isRecord(e)) return e;
        const { expectedStatus, ...request } = e;
        return typeof expectedStatus === 'number'
          ? { ...request, expect: { status: expectedStatus } }
          : request;
      })
    : (rest.requests ?? []);
  const objectsText = Array.isArray(objects)
    ? objects.map((o) => stringify(o)).join('---\n')
    : typeof objects === 'string'
      ? objects
      : '';
  return {
    ...doc,
    apiVersion: SCENARIO_API_VERSION,
    spec: {
      ...rest,
      ...(config === undefined ? {} : { server: config }),
      objects: objectsText,
      requests,
    },
  };
}

const STEPS: Readonly<Record<string, (doc: Json) => Json>> = {
  'kube-request-flow.dev/v0alpha1': v0alpha1ToV1alpha1,
};

/**
 * Brings a parsed scenario to the current apiVersion. Unknown versions are returned unchanged
 * (schema validation then names the supported one). Pure: the input is not modified.
 */
export function migrateScenario(value: unknown): { value: unknown; migratedFrom?: string } {
  if (!isRecord(value) || typeof value.apiVersion !== 'string') return { value };
  const from = value.apiVersion;
  let doc: Json = value;
  for (let guard = 0; guard < SCENARIO_VERSIONS.length; guard++) {
    const step = STEPS[doc.apiVersion as string];
    if (step === undefined) break;
    doc = step(doc);
  }
  return doc === value ? { value } : { value: doc, migratedFrom: from };
}
