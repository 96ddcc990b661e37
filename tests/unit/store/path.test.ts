import { describe, expect, it } from 'vitest';
import { decidingStage, nodeStateAt, pathOf, tokenNodeAt } from '../../../src/store/path';
import { traceOfExample } from './helpers';

const hopsOf = (id: string, setup: string[] = []) =>
  pathOf(traceOfExample(id, setup)).map(
    (h) => `${h.from}->${h.to}${h.kind === 'response' ? ' (response)' : ''}`,
  );

describe('pathOf', () => {
  it('takes a successful create through every stage, into etcd and back to the client', () => {
    expect(hopsOf('create-pod')).toEqual([
      'client->authentication',
      'authentication->authorization',
      'authorization->decoding',
      'decoding->mutatingAdmission',
      'mutatingAdmission->schemaValidation',
      'schemaValidation->validatingAdmission',
      'validatingAdmission->storage',
      'storage->etcd',
      'etcd->client (response)',
    ]);
  });

  it('turns back at the stage that failed, carrying the status to the client', () => {
    expect(hopsOf('forbidden-delete')).toEqual([
      'client->authentication',
      'authentication->authorization',
      'authorization->client (response)',
    ]);
  });

  it('turns back at authentication for an unknown token', () => {
    expect(hopsOf('bad-token')).toEqual(['client->authentication', 'authentication->client (response)']);
  });

  it('passes through skipped stages on a read and still reaches etcd', () => {
    expect(hopsOf('list-pods')).toContain('storage->etcd');
  });

  it('is cached per trace, so selectors may call it on every render', () => {
    const trace = traceOfExample('create-pod');
    expect(pathOf(trace)).toBe(pathOf(trace));
  });
});

describe('nodeStateAt', () => {
  const forbidden = traceOfExample('forbidden-delete');

  it('shows every stage pending and the client active before the first hop', () => {
    expect(nodeStateAt(forbidden, 0, 'client')).toBe('active');
    expect(nodeStateAt(forbidden, 0, 'authentication')).toBe('pending');
  });

  it('marks the stage the token sits on as active, and earlier ones with their outcome', () => {
    expect(nodeStateAt(forbidden, 2, 'authorization')).toBe('active');
    expect(nodeStateAt(forbidden, 2, 'authentication')).toBe('passed');
  });

  it('reveals the failure, and the stages never reached as skipped, once the token turns back', () => {
    expect(nodeStateAt(forbidden, 2, 'storage')).toBe('pending');
    expect(nodeStateAt(forbidden, 3, 'authorization')).toBe('failed');
    expect(nodeStateAt(forbidden, 3, 'storage')).toBe('skipped');
    expect(nodeStateAt(forbidden, 3, 'etcd')).toBe('skipped');
  });

  it('colours the client by the response at the end', () => {
    expect(nodeStateAt(forbidden, 3, 'client')).toBe('failed');
    const created = traceOfExample('create-pod');
    expect(nodeStateAt(created, pathOf(created).length, 'client')).toBe('passed');
    expect(nodeStateAt(created, pathOf(created).length, 'etcd')).toBe('passed');
  });

  it('shows skipped stages of a read as skipped once passed through', () => {
    const list = traceOfExample('list-pods');
    expect(nodeStateAt(list, pathOf(list).length, 'mutatingAdmission')).toBe('skipped');
  });
});

describe('decidingStage and tokenNodeAt', () => {
  it('names the failed stage, or storage when everything passed', () => {
    expect(decidingStage(traceOfExample('forbidden-delete'))).toBe('authorization');
    expect(decidingStage(traceOfExample('invalid-pod'))).toBe('schemaValidation');
    expect(decidingStage(traceOfExample('create-pod'))).toBe('storage');
  });

  it('puts the token on the node each hop reaches', () => {
    const trace = traceOfExample('create-pod');
    expect(tokenNodeAt(trace, 0)).toBe('client');
    expect(tokenNodeAt(trace, 8)).toBe('etcd');
    expect(tokenNodeAt(trace, 9)).toBe('client');
  });
});
