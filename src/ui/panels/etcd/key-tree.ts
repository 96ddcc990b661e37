/**
 * The etcd panel's key tree: flat etcd keys (`/registry/pods/default/nginx`) grouped by path
 * segment (registry → pods → default → nginx), and the keyboard moves of a WAI-ARIA tree view
 * over it. Pure: no React, no DOM.
 *
 * etcd itself has no directories — keys are flat bytes and the apiserver reads "folders" with a
 * range read over a prefix — so the tree is only a view of the key layout.
 */

export interface KeyTreeNode {
  /** The last segment: `nginx`, `default`, `pods`. */
  readonly name: string;
  /** The node's path without a trailing slash: `/registry/pods/default`; unique in the tree. */
  readonly path: string;
  /** Set when a stored key ends here (a leaf, normally). */
  readonly key?: string;
  readonly children: readonly KeyTreeNode[];
  /** How many keys are at or under this node. */
  readonly keyCount: number;
}

interface MutableNode {
  name: string;
  path: string;
  key?: string;
  children: Map<string, MutableNode>;
}

/** Groups keys by `/`-separated segment; children keep key (byte) order. */
export function buildKeyTree(keys: readonly string[]): readonly KeyTreeNode[] {
  const root: MutableNode = { name: '', path: '', children: new Map() };
  for (const key of [...keys].sort(compareKeys)) {
    const segments = key.split('/').filter((s) => s !== '');
    let node = root;
    for (const segment of segments) {
      const path = `${node.path}/${segment}`;
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { name: segment, path, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    if (node !== root) node.key = key;
  }
  return freeze(root).children;
}

function freeze(node: MutableNode): KeyTreeNode {
  const children = [...node.children.values()].map(freeze);
  const keyCount = children.reduce((sum, c) => sum + c.keyCount, node.key === undefined ? 0 : 1);
  return {
    name: node.name,
    path: node.path,
    ...(node.key === undefined ? {} : { key: node.key }),
    children,
    keyCount,
  };
}

function compareKeys(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The folder paths above a key: `/registry`, `/registry/pods`, `/registry/pods/default`. */
export function ancestorPaths(key: string): string[] {
  const segments = key.split('/').filter((s) => s !== '');
  return segments.slice(0, -1).map((_, i) => `/${segments.slice(0, i + 1).join('/')}`);
}

/** The node path a key is shown at (keys are shown without a trailing slash). */
export function nodePathOf(key: string): string {
  return `/${key
    .split('/')
    .filter((s) => s !== '')
    .join('/')}`;
}

/** One row of the tree as shown: the node, its depth (1 = top) and its parent's path. */
export interface VisibleNode {
  readonly node: KeyTreeNode;
  readonly level: number;
  readonly parentPath?: string;
}

/** The rows on screen, top to bottom: every node whose ancestors are all expanded. */
export function visibleNodes(tree: readonly KeyTreeNode[], expanded: ReadonlySet<string>): VisibleNode[] {
  const out: VisibleNode[] = [];
  const walk = (nodes: readonly KeyTreeNode[], level: number, parentPath?: string) => {
    for (const node of nodes) {
      out.push(parentPath === undefined ? { node, level } : { node, level, parentPath });
      if (node.children.length > 0 && expanded.has(node.path)) walk(node.children, level + 1, node.path);
    }
  };
  walk(tree, 1);
  return out;
}

/** What a key press does in the tree. */
export interface TreeMove {
  /** The path that takes focus. */
  readonly focus: string;
  readonly expand?: string;
  readonly collapse?: string;
  /** Enter/Space on a key: show it. */
  readonly select?: string;
}

/**
 * The WAI-ARIA tree view keys (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/): ↑/↓ move,
 * → opens a folder or enters it, ← closes it or goes to the parent, Home/End jump, Enter/Space
 * select a key or toggle a folder. Undefined: the key is not the tree's.
 */
export function treeKeyMove(
  visible: readonly VisibleNode[],
  focused: string,
  key: string,
  expanded: ReadonlySet<string>,
): TreeMove | undefined {
  const index = Math.max(
    0,
    visible.findIndex((v) => v.node.path === focused),
  );
  const current = visible[index];
  if (current === undefined) return undefined;
  const { node } = current;
  const isFolder = node.children.length > 0;
  const isOpen = isFolder && expanded.has(node.path);
  const at = (i: number) => (visible[i] ?? current).node.path;
  switch (key) {
    case 'ArrowDown':
      return { focus: at(Math.min(index + 1, visible.length - 1)) };
    case 'ArrowUp':
      return { focus: at(Math.max(index - 1, 0)) };
    case 'Home':
      return { focus: at(0) };
    case 'End':
      return { focus: at(visible.length - 1) };
    case 'ArrowRight':
      if (!isFolder) return { focus: node.path };
      if (!isOpen) return { focus: node.path, expand: node.path };
      return { focus: node.children[0]?.path ?? node.path };
    case 'ArrowLeft':
      if (isOpen) return { focus: node.path, collapse: node.path };
      return { focus: current.parentPath ?? node.path };
    case 'Enter':
    case ' ':
      if (node.key !== undefined) return { focus: node.path, select: node.key };
      return isOpen ? { focus: node.path, collapse: node.path } : { focus: node.path, expand: node.path };
    default:
      return undefined;
  }
}
