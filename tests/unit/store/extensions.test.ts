import { afterEach, describe, expect, it } from 'vitest';
import {
  getExtensionsSnapshot,
  loadEngineExtensions,
  resetEngineExtensionsForTests,
  subscribeToExtensions,
} from '../../../src/store/extensions';

describe('Loading the engine extensions', () => {
  afterEach(() => resetEngineExtensionsForTests());

  it('loads the schemas and the CEL interpreter together, once', async () => {
    const seen: string[] = [];
    const unsubscribe = subscribeToExtensions(() => seen.push(getExtensionsSnapshot().status));
    const first = loadEngineExtensions();
    expect(loadEngineExtensions()).toBe(first);
    const extensions = await first;
    unsubscribe();
    expect(seen).toEqual(['loading', 'ready']);
    expect(extensions.schemas?.source).toContain('kubernetes-models');
    expect(extensions.cel?.evaluate('1 + 2', {})).toMatchObject({ ok: true, value: 3 });
    expect(
      extensions.schemas?.check('v1', 'Pod', { spec: { containers: [{ name: 'a', imagee: 'x' }] } })
        ?.unknownFields,
    ).toEqual(['spec.containers[0].imagee']);
    expect(getExtensionsSnapshot()).toEqual({ status: 'ready', extensions });
    expect(await loadEngineExtensions()).toBe(extensions);
  });
});
