import { describe, expect, it } from 'vitest';
import { decodeStage } from '../../../../src/engine/decoding';
import { checkJsonSyntax } from '../../../../src/engine/decoding/go-json';
import type { HttpRequest } from '../../../../src/engine/types';
import { makeInfo, typeOf } from '../storage/factories';

const pods = typeOf('pods');
const deployments = typeOf('deployments');

function post(body: string | undefined, contentType = 'application/json'): HttpRequest {
  return {
    method: 'POST',
    path: '/api/v1/namespaces/default/pods',
    headers: { 'Content-Type': contentType },
    ...(body === undefined ? {} : { body }),
  };
}

function decode(body: string | undefined, contentType?: string, info = makeInfo(), type = pods) {
  return decodeStage(post(body, contentType), info, type);
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('Decoding (endpoints/handlers/create.go, rest.go)', () => {
  it('decodes a JSON pod and fills the namespace from the URL', () => {
    const out = decode('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx"}}');
    expect(out.status).toBeUndefined();
    expect(out.object).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx', namespace: 'default' },
    });
    expect(out.result.summary).toBe(
      'Decoded the application/json body as Pod "nginx". Unknown fields and JSON types were not checked: the OpenAPI schemas are still loading.',
    );
  });

  it('takes a missing apiVersion and kind from the URL (json.go gvkWithDefaults)', () => {
    expect(decode('{"metadata":{"name":"nginx"}}').object).toMatchObject({ apiVersion: 'v1', kind: 'Pod' });
  });

  it('decodes YAML with YAML 1.1 booleans, as Kubernetes reads it', () => {
    const out = decode(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  hostNetwork: yes\n',
      'application/yaml',
    );
    expect(out.object).toMatchObject({ metadata: { name: 'nginx' }, spec: { hostNetwork: true } });
  });

  it('wipes uid and creationTimestamp a create cannot set', () => {
    const out = decode('{"metadata":{"name":"x","uid":"u","creationTimestamp":"2020-01-01T00:00:00Z"}}');
    expect(out.object?.metadata).toEqual({ name: 'x', namespace: 'default' });
  });

  it('skips reads and deletes: they carry no body', () => {
    expect(decode(undefined, undefined, makeInfo({ verb: 'get', name: 'x' })).result).toMatchObject({
      outcome: 'skipped',
      message: { id: 'decoding.noBody' },
    });
  });

  describe('rejects with 400 BadRequest', () => {
    it('a create with no body, as the JSON decoder reports it', () => {
      expect(decode(undefined).status).toMatchObject({
        code: 400,
        reason: 'BadRequest',
        message:
          "the object provided is unrecognized (must be of type Pod): couldn't get version/kind; json parse error: unexpected end of JSON input (<empty>)",
      });
    });

    it('malformed JSON, with the Go scanner message and a summary of the body', () => {
      expect(decode('{"metadata": nope}').status?.message).toBe(
        "the object provided is unrecognized (must be of type Pod): couldn't get version/kind; json parse error: invalid character 'o' in literal null (expecting 'u') ({\"metadata\": nope})",
      );
    });

    it('a body that is not an object', () => {
      expect(decode('[1]').status?.message).toBe(
        'the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" } (5b315d)',
      );
    });

    it('malformed YAML', () => {
      const out = decode('metadata: [a, b\n', 'application/yaml');
      expect(out.status?.code).toBe(400);
      expect(out.status?.message).toMatch(
        /^the object provided is unrecognized \(must be of type Pod\): error converting YAML to JSON: yaml: line \d+: /,
      );
    });

    it('an unregistered kind', () => {
      expect(decode('{"apiVersion":"v1","kind":"pod"}').status?.message).toBe(
        'pod in version "v1" cannot be handled as a Pod: no kind "pod" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
      );
    });

    it('another kind sent to the pods endpoint', () => {
      expect(decode('{"apiVersion":"v1","kind":"Service"}').status?.message).toBe(
        'Service in version "v1" cannot be handled as a Pod: converting (v1.Service) to (core.Pod): unknown conversion',
      );
    });

    it('an API version the scheme knows but the URL does not serve', () => {
      const info = makeInfo({ apiGroup: 'apps', resource: 'deployments' });
      expect(
        decode('{"apiVersion":"apps/v1beta1","kind":"Deployment"}', undefined, info, deployments).status
          ?.message,
      ).toBe('the API version in the data (apps/v1beta1) does not match the expected API version (apps/v1)');
    });

    it('a body namespace that differs from the URL namespace', () => {
      expect(decode('{"metadata":{"name":"x","namespace":"prod"}}').status).toMatchObject({
        code: 400,
        message: 'the namespace of the provided object does not match the namespace sent on the request',
      });
    });

    it('a PUT whose body names another object', () => {
      const info = makeInfo({ verb: 'update', name: 'nginx' });
      expect(decode('{"metadata":{"name":"other"}}', undefined, info).status?.message).toBe(
        'the name of the object (other) does not match the name on the URL (nginx)',
      );
    });

    it('a metadata field of the wrong type', () => {
      expect(decode('{"kind":"Pod","metadata":{"name":5}}').status?.message).toBe(
        'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Pod.metadata.name of type string',
      );
    });
  });

  describe('guards against hostile bodies', () => {
    it('refuses a body over 3 MiB with 413 RequestEntityTooLarge', () => {
      const big = `{"metadata":{"name":"x"},"data":"${'a'.repeat(3 * 1024 * 1024)}"}`;
      expect(decode(big).status).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Request entity too large: limit is 3145728',
        reason: 'RequestEntityTooLarge',
        code: 413,
      });
    });

    it('refuses a YAML alias bomb', () => {
      const bomb = [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      ].join('\n');
      const out = decode(bomb, 'application/yaml');
      expect(out.status?.code).toBe(400);
      expect(out.status?.message).toContain(
        'error converting YAML to JSON: yaml: document contains excessive aliasing',
      );
    });

    it('never lets __proto__ reach a prototype', () => {
      for (const [body, type] of [
        ['{"metadata":{"name":"x"},"__proto__":{"polluted":true}}', 'application/json'],
        ['metadata: {name: x}\n__proto__: {polluted: true}\n', 'application/yaml'],
      ] as const) {
        const out = decode(body, type);
        expect(out.object).toEqual({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'x', namespace: 'default' },
        });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
    });

    it('refuses nesting deeper than 10,000 levels', () => {
      const deep = `{"a":${'['.repeat(10001)}${']'.repeat(10001)}}`;
      expect(decode(deep).status?.message).toContain("invalid character '[' exceeded max depth");
    });

    it('answers 415 for a media type it cannot decode', () => {
      expect(decode('x', 'text/plain').status).toMatchObject({
        code: 415,
        reason: 'UnsupportedMediaType',
        message:
          'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
      });
    });
  });

  it('answers a PATCH of a missing object with NotFound 404 (patch.go jsonPatcher.createNewObject)', () => {
    const out = decodeStage(
      {
        method: 'PATCH',
        path: '/api/v1/namespaces/default/pods/x',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{}',
      },
      makeInfo({ verb: 'patch', name: 'x' }),
      pods,
    );
    expect(out.result).toMatchObject({ outcome: 'failed', message: { id: 'decoding.patchFailed' } });
    expect(out.status).toMatchObject({ code: 404, reason: 'NotFound', message: 'pods "x" not found' });
  });
});

describe("Go's JSON syntax messages (encoding/json scanner.go)", () => {
  it.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['imastring!', "invalid character 'i' looking for beginning of value"],
    ['{]', "invalid character ']' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['01', "invalid character '1' after top-level value"],
    ['-a', "invalid character 'a' in numeric literal"],
    ['1.e', "invalid character 'e' after decimal point in numeric literal"],
    ['"abc', 'unexpected end of JSON input'],
    // scanner.eof feeds a space to the last state, so a cut-off literal reports that space.
    ['tru', "invalid character ' ' in literal true (expecting 'e')"],
  ])('%j → %s', (input, message) => {
    expect(checkJsonSyntax(bytes(input))).toBe(message);
  });

  it('accepts valid JSON', () => {
    expect(checkJsonSyntax(bytes('{"a":[1,-2.5e+3,true,false,null,"\\u00e9"]}'))).toBeUndefined();
  });
});
