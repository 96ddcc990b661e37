import { beforeAll, describe, expect, it } from 'vitest';
import { findDuplicateFields } from '../../../../src/engine/decoding/field-validation';
import type { DecodingDetails, EngineExtensions, SchemaProvider } from '../../../../src/engine/types';
import { extensions, PODS, post, world } from '../policy/world';

let ext: EngineExtensions;
let schemas: SchemaProvider;
beforeAll(async () => {
  ext = await extensions();
  schemas = ext.schemas as SchemaProvider;
});

const TYPO = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { containers: [{ name: 'app', image: 'nginx', imagee: 'x' }] },
};

function message(body: unknown): string {
  return (body as { message: string }).message;
}

describe('Strict field validation (endpoints/handlers/create.go, rest.go fieldValidation)', () => {
  it('fails with 400 before admission under fieldValidation=Strict', () => {
    const trace = world([], ext).send(post(PODS, TYPO, '?fieldValidation=Strict'), 'admin');
    expect(trace.response.status).toBe(400);
    expect(message(trace.response.body)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
    expect(trace.stages.find((s) => s.stage === 'mutatingAdmission')?.outcome).toBe('skipped');
    expect(trace.kubectlOutput).toBe(
      'Error from server (BadRequest): Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
    );
  });

  it('warns under Warn (the server default) and drops the field', () => {
    const cluster = world([], ext);
    const trace = cluster.send(post(PODS, TYPO), 'admin');
    expect(trace.response.status).toBe(201);
    expect(trace.response.warnings).toEqual(['unknown field "spec.containers[0].imagee"']);
    expect(trace.kubectlOutput).toBe('Warning: unknown field "spec.containers[0].imagee"\npod/web created');
    const stored = cluster.storage.get('/registry/pods/default/web');
    expect(
      ((stored?.spec ?? {}) as { containers: Record<string, unknown>[] }).containers[0],
    ).not.toHaveProperty('imagee');
    expect(
      ((trace.stages.find((s) => s.stage === 'decoding')?.details ?? {}) as DecodingDetails).fieldValidation,
    ).toBe('Warn');
  });

  it('says nothing under Ignore, and still drops the field', () => {
    const cluster = world([], ext);
    const trace = cluster.send(post(PODS, TYPO, '?fieldValidation=Ignore'), 'admin');
    expect(trace.response.status).toBe(201);
    expect(trace.response.warnings).toBeUndefined();
    expect(JSON.stringify(cluster.storage.get('/registry/pods/default/web'))).not.toContain('imagee');
  });

  it('reports duplicate fields as strict decoding errors', () => {
    const body =
      '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a","name":"b"},"spec":{"containers":[{"name":"app","image":"nginx"}]}}';
    const trace = world([], ext).send(post(PODS, body, '?fieldValidation=Strict'), 'admin');
    expect(message(trace.response.body)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "metadata.name"',
    );
  });

  it('lists several strict errors in one message', () => {
    const body = { ...TYPO, spec: { ...TYPO.spec, nodeNme: 'n1' } };
    const trace = world([], ext).send(post(PODS, body, '?fieldValidation=Strict'), 'admin');
    expect(message(trace.response.body)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.nodeNme"',
    );
  });

  it('finds unknown fields in metadata and in nested structs', () => {
    expect(
      schemas.check('v1', 'Pod', {
        metadata: { nmae: 'x' },
        spec: { containers: [{ name: 'a', resources: { limit: {} } }] },
      })?.unknownFields,
    ).toEqual(['metadata.nmae', 'spec.containers[0].resources.limit']);
  });

  it('does not flag map keys (labels, data) as unknown', () => {
    const check = schemas.check('v1', 'ConfigMap', {
      metadata: { name: 'c', labels: { anything: 'x' } },
      data: { 'any.key': 'v' },
    });
    expect(check?.unknownFields).toEqual([]);
  });

  it('rejects a JSON type error with the Go unmarshal message, whatever fieldValidation says', () => {
    const body = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 'three' },
    };
    const trace = world([], ext).send(
      post('/apis/apps/v1/namespaces/default/deployments', body, '?fieldValidation=Ignore'),
      'admin',
    );
    expect(trace.response.status).toBe(400);
    expect(message(trace.response.body)).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field Deployment.spec.replicas of type int32',
    );
  });

  it('tells int64 fields from int32 ones', () => {
    const check = schemas.check('v1', 'Pod', {
      spec: { containers: [], terminationGracePeriodSeconds: 'x' },
    });
    expect(check?.typeErrors[0]).toMatchObject({
      goPath: 'spec.terminationGracePeriodSeconds',
      expected: 'int64',
      found: 'string',
    });
  });

  it('rejects a malformed quantity with resource.Quantity’s message', () => {
    const body = {
      ...TYPO,
      spec: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { memory: '1 GB' } } }] },
    };
    const trace = world([], ext).send(post(PODS, body), 'admin');
    expect(message(trace.response.body)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
  });

  it('says plainly when the schemas have not loaded yet', () => {
    const trace = world([], ext.cel === undefined ? {} : { cel: ext.cel }).send(
      post(PODS, TYPO, '?fieldValidation=Strict'),
      'admin',
    );
    expect(trace.response.status).toBe(201);
    const decoding = trace.stages.find((s) => s.stage === 'decoding');
    expect(decoding?.summary).toContain('the OpenAPI schemas are still loading');
    expect(((decoding?.details ?? {}) as DecodingDetails).schemaChecked).toBe(false);
  });

  it('finds duplicate keys with their paths', () => {
    expect(findDuplicateFields('{"a":{"b":1,"b":2},"c":[{"d":1},{"d":1,"d":2}]}')).toEqual(['a.b', 'c[1].d']);
    expect(findDuplicateFields('{"a":"x,\\"a\\":1"}')).toEqual([]);
  });
});
