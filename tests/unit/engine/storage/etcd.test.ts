import { describe, expect, it } from 'vitest';
import { Etcd } from '../../../../src/engine/storage/etcd';

describe('The simulated etcd', () => {
  it('starts at revision 1, like a fresh etcd', () => {
    expect(new Etcd().revision).toBe(1);
  });

  it('gives every write the next revision', () => {
    const etcd = new Etcd();
    expect(etcd.put('/registry/pods/default/a', { kind: 'Pod' })).toBe(2);
    expect(etcd.put('/registry/pods/default/b', { kind: 'Pod' })).toBe(3);
    expect(etcd.delete('/registry/pods/default/a')).toBe(4);
    expect(etcd.revision).toBe(4);
  });

  it('does not bump the revision when deleting a missing key', () => {
    const etcd = new Etcd();
    expect(etcd.delete('/registry/pods/default/nope')).toBeUndefined();
    expect(etcd.revision).toBe(1);
  });

  it('lists a prefix in key order', () => {
    const etcd = new Etcd();
    etcd.put('/registry/pods/default/b', { metadata: { name: 'b' } });
    etcd.put('/registry/pods/default/a', { metadata: { name: 'a' } });
    etcd.put('/registry/pods/other/c', { metadata: { name: 'c' } });
    expect(etcd.list('/registry/pods/default/').map((o) => o.metadata?.name)).toEqual(['a', 'b']);
    expect(etcd.keys()).toEqual([
      '/registry/pods/default/a',
      '/registry/pods/default/b',
      '/registry/pods/other/c',
    ]);
  });

  it('keeps key order through a burst of out-of-order writes and deletes', () => {
    const etcd = new Etcd();
    const names = Array.from({ length: 200 }, (_, i) => `n${(i * 37) % 200}`);
    for (const name of names) etcd.put(`/registry/configmaps/default/${name}`, { metadata: { name } });
    etcd.delete('/registry/configmaps/default/n5');
    etcd.put('/registry/configmaps/default/n5a', { metadata: { name: 'n5a' } });
    const expected = [...names.filter((n) => n !== 'n5'), 'n5a']
      .map((n) => `/registry/configmaps/default/${n}`)
      .sort();
    expect(etcd.keys()).toEqual(expected);
    expect(etcd.list('/registry/configmaps/default/n19').map((o) => o.metadata?.name)).toEqual([
      'n19',
      'n190',
      'n191',
      'n192',
      'n193',
      'n194',
      'n195',
      'n196',
      'n197',
      'n198',
      'n199',
    ]);
  });

  it('says when a prefix last changed, so caches of one kind survive writes to others', () => {
    const etcd = new Etcd();
    expect(etcd.prefixRevision('/registry/roles/')).toBe(0);
    const written = etcd.put('/registry/roles/default/r', { kind: 'Role' });
    etcd.put('/registry/pods/default/p', { kind: 'Pod' });
    expect(etcd.prefixRevision('/registry/roles/')).toBe(written);
    expect(etcd.prefixRevision('/registry/roles/default/')).toBe(written);
    const deleted = etcd.delete('/registry/roles/default/r');
    expect(etcd.prefixRevision('/registry/roles/')).toBe(deleted);
  });

  it('hands out frozen stored values to readers that only look, and copies to everyone else', () => {
    const etcd = new Etcd();
    const value = { kind: 'Pod', metadata: { name: 'p' } };
    etcd.put('/registry/pods/default/p', value);
    value.metadata.name = 'changed';
    const peeked = etcd.peek('/registry/pods/default/p');
    expect(peeked?.metadata?.name).toBe('p');
    expect(Object.isFrozen(peeked?.metadata)).toBe(true);
    expect(etcd.scan('/registry/pods/')).toEqual([peeked]);
    const copy = etcd.get('/registry/pods/default/p');
    expect(Object.isFrozen(copy)).toBe(false);
    expect(copy).toEqual(peeked);
  });

  it('keeps create and mod revisions per key', () => {
    const etcd = new Etcd();
    etcd.put('/k', { v: 1 });
    etcd.put('/other', { v: 1 });
    etcd.put('/k', { v: 2 });
    expect(etcd.entries().find((e) => e.key === '/k')).toMatchObject({ createRevision: 2, modRevision: 4 });
    expect(etcd.modRevision('/k')).toBe(4);
    expect(etcd.snapshot().revision).toBe(4);
  });

  it('records every write in the history, with null for a delete', () => {
    const etcd = new Etcd();
    etcd.put('/k', { v: 1 });
    etcd.delete('/k');
    etcd.put('/k', { v: 2 });
    expect(etcd.history('/k')).toEqual([
      { revision: 2, value: { v: 1 } },
      { revision: 3, value: null },
      { revision: 4, value: { v: 2 } },
    ]);
  });

  it('copies values in and out, so callers cannot change stored state', () => {
    const etcd = new Etcd();
    const value = { metadata: { name: 'a' } };
    etcd.put('/k', value);
    value.metadata.name = 'changed';
    const read = etcd.get('/k');
    if (read?.metadata) read.metadata.name = 'changed again';
    expect(etcd.get('/k')?.metadata?.name).toBe('a');
  });
});
