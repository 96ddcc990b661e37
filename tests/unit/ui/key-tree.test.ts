import { describe, expect, it } from 'vitest';
import {
  ancestorPaths,
  buildKeyTree,
  type KeyTreeNode,
  nodePathOf,
  treeKeyMove,
  visibleNodes,
} from '../../../src/ui/panels/etcd/key-tree';

const KEYS = [
  '/registry/pods/default/nginx',
  '/registry/pods/default/api',
  '/registry/namespaces/default',
  '/registry/pods/kube-system/dns',
];

const names = (nodes: readonly KeyTreeNode[]) => nodes.map((n) => n.name);

describe('The etcd key tree', () => {
  it('groups keys by path segment, in key order', () => {
    const [registry] = buildKeyTree(KEYS);
    expect(registry?.name).toBe('registry');
    expect(registry?.keyCount).toBe(4);
    expect(names(registry?.children ?? [])).toEqual(['namespaces', 'pods']);
    const pods = registry?.children[1];
    expect(names(pods?.children ?? [])).toEqual(['default', 'kube-system']);
    const defaultPods = pods?.children[0];
    expect(names(defaultPods?.children ?? [])).toEqual(['api', 'nginx']);
    expect(defaultPods?.children[1]).toMatchObject({
      key: '/registry/pods/default/nginx',
      path: '/registry/pods/default/nginx',
      keyCount: 1,
    });
  });

  it('knows the folders above a key', () => {
    expect(ancestorPaths('/registry/pods/default/nginx')).toEqual([
      '/registry',
      '/registry/pods',
      '/registry/pods/default',
    ]);
    expect(nodePathOf('/registry/pods/default/nginx')).toBe('/registry/pods/default/nginx');
  });

  it('shows only the children of expanded folders', () => {
    const tree = buildKeyTree(KEYS);
    expect(visibleNodes(tree, new Set()).map((v) => v.node.path)).toEqual(['/registry']);
    const open = new Set(['/registry', '/registry/pods']);
    expect(visibleNodes(tree, open).map((v) => [v.node.path, v.level])).toEqual([
      ['/registry', 1],
      ['/registry/namespaces', 2],
      ['/registry/pods', 2],
      ['/registry/pods/default', 3],
      ['/registry/pods/kube-system', 3],
    ]);
  });

  describe('keyboard', () => {
    const tree = buildKeyTree(KEYS);
    const open = new Set(['/registry', '/registry/pods', '/registry/pods/default']);
    const visible = visibleNodes(tree, open);

    it('moves down and up through the visible rows, and jumps with Home and End', () => {
      expect(treeKeyMove(visible, '/registry', 'ArrowDown', open)).toEqual({ focus: '/registry/namespaces' });
      expect(treeKeyMove(visible, '/registry/namespaces', 'ArrowUp', open)).toEqual({ focus: '/registry' });
      expect(treeKeyMove(visible, '/registry', 'ArrowUp', open)).toEqual({ focus: '/registry' });
      expect(treeKeyMove(visible, '/registry/pods', 'End', open)).toEqual({
        focus: '/registry/pods/kube-system',
      });
      expect(treeKeyMove(visible, '/registry/pods', 'Home', open)).toEqual({ focus: '/registry' });
    });

    it('opens a closed folder with →, then enters it', () => {
      expect(treeKeyMove(visible, '/registry/namespaces', 'ArrowRight', open)).toEqual({
        focus: '/registry/namespaces',
        expand: '/registry/namespaces',
      });
      expect(treeKeyMove(visible, '/registry/pods', 'ArrowRight', open)).toEqual({
        focus: '/registry/pods/default',
      });
    });

    it('closes an open folder with ←, or goes to the parent', () => {
      expect(treeKeyMove(visible, '/registry/pods', 'ArrowLeft', open)).toEqual({
        focus: '/registry/pods',
        collapse: '/registry/pods',
      });
      expect(treeKeyMove(visible, '/registry/pods/default/nginx', 'ArrowLeft', open)).toEqual({
        focus: '/registry/pods/default',
      });
    });

    it('selects a key with Enter or Space, and toggles a folder', () => {
      expect(treeKeyMove(visible, '/registry/pods/default/nginx', 'Enter', open)).toEqual({
        focus: '/registry/pods/default/nginx',
        select: '/registry/pods/default/nginx',
      });
      expect(treeKeyMove(visible, '/registry/pods', ' ', open)).toMatchObject({ collapse: '/registry/pods' });
      expect(treeKeyMove(visible, '/registry/namespaces', 'Enter', open)).toMatchObject({
        expand: '/registry/namespaces',
      });
    });

    it('leaves other keys alone', () => {
      expect(treeKeyMove(visible, '/registry', 'a', open)).toBeUndefined();
    });
  });
});
