import { ChevronRight, FileText, Folder, FolderOpen, History, Zap } from 'lucide-react';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { EtcdRevision, KubeObject } from '../../../engine';
import { useT } from '../../../i18n';
import { CodeBlock } from '../../components/CodeBlock';
import {
  ancestorPaths,
  buildKeyTree,
  type KeyTreeNode,
  nodePathOf,
  treeKeyMove,
  visibleNodes,
} from './key-tree';
import { defaultDiffPair, diffRevisions, type PrintValue, printJson } from './revision-diff';

/** What the panel reads from etcd; the simulated Etcd satisfies it. */
export interface EtcdView {
  readonly revision: number;
  keys(): string[];
  get(key: string): KubeObject | undefined;
  createRevision(key: string): number | undefined;
  modRevision(key: string): number | undefined;
  history(key: string): EtcdRevision[];
}

interface EtcdPanelProps {
  readonly etcd: EtcdView;
  /** The key just written or read: marked, opened and selected (when the token reaches etcd). */
  readonly highlightKey?: string;
  /** etcd's revision: the panel re-reads the store when it changes. */
  readonly revision: number;
}

/** How long a newly highlighted key flashes before it stays simply marked. */
const FLASH_MS = 2400;

/** `yaml` is loaded on first use; values show as JSON until it arrives. */
function useYamlPrinter(): PrintValue {
  const [print, setPrint] = useState<PrintValue>(() => printJson);
  useEffect(() => {
    let isLive = true;
    import('yaml')
      .then(({ stringify }) => {
        // As kubectl -o yaml prints (sigs.k8s.io/yaml): YAML 1.1, sequences not indented.
        if (isLive)
          setPrint(() => (value: KubeObject) => stringify(value, { version: '1.1', indentSeq: false }));
      })
      .catch(() => undefined);
    return () => {
      isLive = false;
    };
  }, []);
  return print;
}

function revisionLabel(t: ReturnType<typeof useT>, revision: EtcdRevision): string {
  return revision.value === null
    ? t('etcd.diff.revisionDeleted', { revision: revision.revision })
    : t('etcd.diff.revision', { revision: revision.revision });
}

/**
 * The simulated etcd: the key tree (registry → pods → default → nginx), the selected key's value
 * as YAML with its create and mod revisions, and a line diff between any two of its revisions.
 * The key the request just wrote is opened, selected and marked.
 */
export function EtcdPanel({ etcd, highlightKey, revision }: EtcdPanelProps) {
  const t = useT();
  const id = useId();
  const print = useYamlPrinter();
  const rootRef = useRef<HTMLDivElement>(null);
  // keys() is re-read whenever the revision moves: every write raises it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the store's change signal
  const keys = useMemo(() => etcd.keys(), [etcd, revision]);
  const tree = useMemo(() => buildKeyTree(keys), [keys]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(['/registry', ...(highlightKey === undefined ? [] : ancestorPaths(highlightKey))]),
  );
  const [selected, setSelected] = useState<string | undefined>(highlightKey);
  const [focused, setFocused] = useState<string>(() =>
    highlightKey === undefined ? (tree[0]?.path ?? '') : nodePathOf(highlightKey),
  );
  const [isFlashing, setFlashing] = useState(false);
  const moveFocus = useRef(false);

  // A new highlight opens its folders, selects it, scrolls it into view and flashes it.
  useEffect(() => {
    if (highlightKey === undefined) return undefined;
    setExpanded((prev) => new Set([...prev, ...ancestorPaths(highlightKey)]));
    setSelected(highlightKey);
    setFocused(nodePathOf(highlightKey));
    setFlashing(true);
    const timer = setTimeout(() => setFlashing(false), FLASH_MS);
    return () => clearTimeout(timer);
  }, [highlightKey]);

  useEffect(() => {
    if (highlightKey === undefined) return;
    rootRef.current
      ?.querySelector(`[data-etcd-key="${CSS.escape(highlightKey)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [highlightKey]);

  const visible = useMemo(() => visibleNodes(tree, expanded), [tree, expanded]);
  // The roving tab stop must sit on a row that is on screen.
  const tabStop = visible.some((v) => v.node.path === focused) ? focused : (visible[0]?.node.path ?? '');

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    rootRef.current?.querySelector<HTMLElement>(`[data-node-path="${CSS.escape(tabStop)}"]`)?.focus();
  }, [tabStop]);

  const toggle = (path: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, path: string) => {
    // Enter and Space already click the button (onClick does the same as treeKeyMove would).
    if (event.key === 'Enter' || event.key === ' ') return;
    const move = treeKeyMove(visible, path, event.key, expanded);
    if (move === undefined) return;
    event.preventDefault();
    if (move.expand !== undefined) setExpanded((prev) => new Set([...prev, move.expand as string]));
    if (move.collapse !== undefined) {
      const collapse = move.collapse;
      setExpanded((prev) => new Set([...prev].filter((p) => p !== collapse)));
    }
    if (move.select !== undefined) setSelected(move.select);
    moveFocus.current = true;
    setFocused(move.focus);
  };

  const highlightPath = highlightKey === undefined ? undefined : nodePathOf(highlightKey);

  const renderNodes = (nodes: readonly KeyTreeNode[], level: number) => (
    <ul className="flex flex-col">
      {nodes.map((node) => {
        const isFolder = node.children.length > 0;
        const isOpen = isFolder && expanded.has(node.path);
        const isHighlighted = node.key !== undefined && node.key === highlightKey;
        const holdsHighlight =
          !isHighlighted && highlightPath !== undefined && highlightPath.startsWith(`${node.path}/`);
        const isSelected = node.key !== undefined && node.key === selected;
        const FolderIcon = isOpen ? FolderOpen : Folder;
        const Icon = isFolder ? FolderIcon : FileText;
        const tone = isHighlighted
          ? `border-accent bg-accent-soft text-accent font-semibold ${isFlashing ? 'motion-safe:animate-pulse' : ''}`
          : isSelected
            ? 'border-border-strong bg-subtle text-text font-medium'
            : 'border-transparent text-text hover:bg-subtle';
        return (
          <li key={node.path}>
            <button
              aria-current={isSelected ? 'true' : undefined}
              aria-expanded={isFolder ? isOpen : undefined}
              aria-label={isFolder ? t('etcd.folder', { name: node.name, count: node.keyCount }) : undefined}
              className={`flex w-full min-w-0 items-center gap-1.5 rounded-md border py-1 pr-2 text-left font-mono text-sm ${tone}`}
              data-contains-highlight={holdsHighlight ? 'true' : undefined}
              data-etcd-key={node.key}
              data-highlighted={isHighlighted ? 'true' : undefined}
              data-node-path={node.path}
              onClick={() => {
                setFocused(node.path);
                if (node.key !== undefined) setSelected(node.key);
                if (isFolder) toggle(node.path);
              }}
              onKeyDown={(event) => onKeyDown(event, node.path)}
              style={{ paddingInlineStart: `${0.25 + (level - 1) * 1}rem` }}
              tabIndex={node.path === tabStop ? 0 : -1}
              type="button"
            >
              {isFolder ? (
                <ChevronRight
                  aria-hidden="true"
                  className={`size-4 shrink-0 text-muted transition-transform ${isOpen ? 'rotate-90' : ''}`}
                />
              ) : (
                <span aria-hidden="true" className="size-4 shrink-0" />
              )}
              <Icon aria-hidden="true" className="size-4 shrink-0" />
              <span className="min-w-0 truncate">{node.name}</span>
              {isFolder && <span className="text-xs text-muted">({node.keyCount})</span>}
              {holdsHighlight && <Zap aria-hidden="true" className="size-3.5 shrink-0 text-accent" />}
              {isHighlighted && (
                <span className="ml-auto inline-flex shrink-0 items-center gap-1 font-sans text-xs">
                  <Zap aria-hidden="true" className="size-3.5" />
                  {t('etcd.highlighted')}
                </span>
              )}
            </button>
            {isOpen && renderNodes(node.children, level + 1)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="@container flex min-h-0 flex-col gap-3" data-testid="etcd-panel" ref={rootRef}>
      <p className="text-sm text-muted" data-revision={etcd.revision} data-testid="etcd-summary">
        {t('etcd.summary', { revision: etcd.revision, count: keys.length })}
      </p>
      <div className="grid min-h-0 gap-4 @2xl:grid-cols-[minmax(16rem,2fr)_3fr]">
        <nav
          aria-label={t('etcd.tree')}
          className="min-h-0 overflow-auto rounded-lg border border-border p-1"
        >
          {tree.length === 0 ? (
            <p className="p-2 text-sm text-muted">{t('etcd.empty')}</p>
          ) : (
            renderNodes(tree, 1)
          )}
        </nav>
        <div aria-live="polite" className="min-w-0" id={`${id}-detail`}>
          {selected === undefined ? (
            <p className="text-sm text-muted">{t('etcd.select')}</p>
          ) : (
            <KeyDetail
              etcd={etcd}
              isHighlighted={selected === highlightKey}
              key={selected}
              print={print}
              revision={revision}
              storageKey={selected}
            />
          )}
        </div>
      </div>
    </div>
  );
}

interface KeyDetailProps {
  readonly etcd: EtcdView;
  readonly storageKey: string;
  readonly revision: number;
  readonly isHighlighted: boolean;
  readonly print: PrintValue;
}

/** One key: its value, revisions and history with a diff between two revisions. */
function KeyDetail({ etcd, storageKey, revision, isHighlighted, print }: KeyDetailProps) {
  const t = useT();
  const id = useId();
  // Re-read on every new revision (the key may have been written again or deleted).
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the store's change signal
  const facts = useMemo(
    () => ({
      value: etcd.get(storageKey),
      createRevision: etcd.createRevision(storageKey),
      modRevision: etcd.modRevision(storageKey),
      history: etcd.history(storageKey),
    }),
    [etcd, storageKey, revision],
  );
  const { value, history } = facts;
  const [choice, setChoice] = useState<{ length: number; from: number; to: number } | undefined>();
  // A new write resets the comparison to the latest two revisions.
  const pair = choice !== undefined && choice.length === history.length ? choice : defaultDiffPair(history);
  const diff = pair === undefined ? undefined : diffRevisions(history, pair.from, pair.to, print);
  const last = history[history.length - 1];

  return (
    <div className="flex flex-col gap-3" data-selected-key={storageKey}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="min-w-0 break-all font-mono text-sm font-semibold text-text">{storageKey}</h3>
        {isHighlighted && (
          <span className="inline-flex items-center gap-1 rounded-full border border-accent bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent">
            <Zap aria-hidden="true" className="size-3.5" />
            {t('etcd.highlighted')}
          </span>
        )}
      </div>
      {value === undefined ? (
        <p className="text-sm text-muted" data-testid="etcd-deleted">
          {t('etcd.deleted', { revision: last?.revision ?? '' })}
        </p>
      ) : (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted">{t('etcd.createRevision')}</dt>
            <dd className="font-mono text-text" data-testid="etcd-create-revision">
              {facts.createRevision}
            </dd>
            <dt className="text-muted">{t('etcd.modRevision')}</dt>
            <dd className="font-mono text-text" data-testid="etcd-mod-revision">
              {facts.modRevision}
            </dd>
          </dl>
          <div className="flex flex-col gap-1">
            <h4 className="text-sm font-medium text-text">{t('etcd.value')}</h4>
            <p className="text-xs text-muted">{t('etcd.value.note')}</p>
            <CodeBlock label={t('etcd.value')} testId="etcd-value">
              {print(value)}
            </CodeBlock>
          </div>
        </>
      )}
      <section aria-labelledby={`${id}-history`} className="flex flex-col gap-2">
        <h4 className="flex items-center gap-1.5 text-sm font-medium text-text" id={`${id}-history`}>
          <History aria-hidden="true" className="size-4" />
          {t('etcd.history')}
          <span className="font-normal text-muted">{t('etcd.history.count', { count: history.length })}</span>
        </h4>
        {pair === undefined || diff === undefined ? (
          <p className="text-sm text-muted">{t('etcd.history.one')}</p>
        ) : (
          <>
            <div className="flex flex-wrap gap-3">
              {(['from', 'to'] as const).map((end) => (
                <div className="flex flex-col gap-1" key={end}>
                  <label className="text-xs font-medium text-muted" htmlFor={`${id}-${end}`}>
                    {t(end === 'from' ? 'etcd.diff.from' : 'etcd.diff.to')}
                  </label>
                  <select
                    className="h-9 rounded-lg border border-border-strong bg-panel px-2 font-mono text-sm text-text"
                    data-testid={`etcd-diff-${end}`}
                    id={`${id}-${end}`}
                    onChange={(e) =>
                      setChoice({ ...pair, length: history.length, [end]: Number(e.target.value) })
                    }
                    value={pair[end]}
                  >
                    {history.map((h) => (
                      <option key={h.revision} value={h.revision}>
                        {revisionLabel(t, h)}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            <p className="text-xs text-muted" data-testid="etcd-diff-summary">
              {diff.unchanged
                ? t('etcd.diff.unchanged')
                : t('etcd.diff.summary', { added: diff.added, removed: diff.removed })}
            </p>
            {!diff.unchanged && (
              <pre
                className="overflow-x-auto rounded-lg border border-border bg-panel py-2 font-mono text-[0.8125rem] leading-relaxed"
                data-testid="etcd-diff"
                title={t('etcd.history')}
              >
                {diff.items.map((item, i) => {
                  // A diff is rebuilt whole on every change: positions are stable identities.
                  const key = `${i}-${item.kind}`;
                  if (item.kind === 'gap')
                    return (
                      <span className="block px-3 text-muted italic" key={key}>
                        {t('etcd.diff.gap', { count: item.count })}
                      </span>
                    );
                  const tone =
                    item.kind === 'added'
                      ? 'bg-passed-soft text-passed'
                      : item.kind === 'removed'
                        ? 'bg-failed-soft text-failed'
                        : 'text-text';
                  const sign = item.kind === 'added' ? '+' : item.kind === 'removed' ? '-' : ' ';
                  return (
                    <span className={`block px-3 whitespace-pre ${tone}`} data-diff={item.kind} key={key}>
                      {item.kind !== 'same' && (
                        <span className="sr-only">{t(`etcd.diff.${item.kind}`)}: </span>
                      )}
                      {`${sign} ${item.text}`}
                    </span>
                  );
                })}
              </pre>
            )}
          </>
        )}
      </section>
    </div>
  );
}
