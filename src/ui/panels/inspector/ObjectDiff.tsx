import { useMemo } from 'react';
import { stringify } from 'yaml';
import type { KubeObject } from '../../../engine';
import { useT } from '../../../i18n';
import { compactDiff, countChanges, diffText } from '../../diff/line-diff';
import { keyed } from './keyed';

/** An object as the YAML a learner would read in `kubectl get -o yaml`. */
export function renderObjectYaml(object: KubeObject | undefined): string {
  if (object === undefined) return '';
  return stringify(object, { lineWidth: 0, aliasDuplicateObjects: false });
}

const LINE_STYLE = {
  added: 'bg-passed-soft text-passed',
  removed: 'bg-failed-soft text-failed',
  same: 'text-text',
} as const;

const PREFIX = { added: '+', removed: '-', same: ' ' } as const;

/**
 * What changed between two versions of an object, as a compact line diff of their YAML:
 * additions green with `+`, removals red with `-`, long unchanged runs folded.
 */
export function ObjectDiff({
  before,
  after,
  testId = 'object-diff',
  context = 2,
}: {
  readonly before: KubeObject | undefined;
  readonly after: KubeObject | undefined;
  readonly testId?: string;
  readonly context?: number;
}) {
  const t = useT();
  const { items, added, removed } = useMemo(() => {
    const lines = diffText(renderObjectYaml(before), renderObjectYaml(after));
    // Lines repeat (`- name: x`), so an occurrence count joins the text in each key.
    const items = keyed(compactDiff(lines, context), (item) =>
      item.kind === 'gap' ? `gap:${item.count}` : `${item.kind}:${item.text}`,
    );
    return { items, ...countChanges(lines) };
  }, [before, after, context]);
  const label = t('inspector.diff.label', { added, removed });
  if (items.length === 0) return <p className="text-sm text-muted">{t('inspector.diff.none')}</p>;
  return (
    <figure className="flex flex-col gap-1" data-added={added} data-removed={removed} data-testid={testId}>
      <figcaption className="text-xs font-medium text-muted">{label}</figcaption>
      <div className="overflow-x-auto rounded-lg border border-border bg-subtle py-1 font-mono text-[0.8125rem] leading-relaxed">
        {items.map(({ item, key }) =>
          item.kind === 'gap' ? (
            <div className="px-3 text-muted italic" data-kind="gap" key={key}>
              {t('inspector.diff.gap', { count: item.count })}
            </div>
          ) : (
            <div
              className={`flex gap-2 px-3 whitespace-pre-wrap break-all ${LINE_STYLE[item.kind]}`}
              data-kind={item.kind}
              key={key}
            >
              <span aria-hidden="true" className="w-3 shrink-0 select-none font-bold">
                {PREFIX[item.kind]}
              </span>
              {item.kind !== 'same' && <span className="sr-only">{t(`inspector.diff.${item.kind}`)}</span>}
              <span className="min-w-0">{item.text}</span>
            </div>
          ),
        )}
      </div>
    </figure>
  );
}
