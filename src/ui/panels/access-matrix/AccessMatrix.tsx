import { Check, TriangleAlert, X } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import type { AccessMatrixCell, Cluster } from '../../../engine';
import { useT } from '../../../i18n';
import { Card } from '../../components/Card';
import { buildMatrixModel, commandForCell, type MatrixSubject, viaText } from './matrix-model';
import { resolvePlayAs, sampleObjectName } from './play-as';

export interface AccessMatrixProps {
  /** The world to ask. The matrix is recomputed when the cluster, the namespace or `revision` changes. */
  readonly cluster: Cluster;
  /**
   * Plays a cell: `user` is a picker name (UserSpec.name), `command` a kubectl command line
   * (see commandForCell). The host typically sets the composer's user and command and sends.
   */
  readonly onPlay: (user: string, command: string) => void;
  /** The namespaces to choose from; default: every Namespace stored in the cluster. */
  readonly namespaces?: readonly string[];
  /** The namespace shown first; default `default` when it exists, else the first. */
  readonly initialNamespace?: string;
  /**
   * Anything that changes when the world does (the etcd revision, the world version…);
   * defaults to `cluster.storage.revision` read on each render.
   */
  readonly revision?: number;
  /** Inside its own Card (default), or bare inside a tab panel that already frames it. */
  readonly framed?: boolean;
}

function storedNamespaces(cluster: Cluster): string[] {
  return cluster.storage
    .list('/registry/namespaces/')
    .map((ns) => ns.metadata?.name ?? '')
    .filter((name) => name !== '');
}

/**
 * "Who can do what here?": for one namespace, each subject (the scenario's users and every
 * service account) against every namespaced resource and verb, as the engine's authorizer chain
 * answers. Every cell is a button that plays the equivalent kubectl command.
 */
export function AccessMatrix({
  cluster,
  onPlay,
  namespaces,
  initialNamespace,
  revision,
  framed = true,
}: AccessMatrixProps) {
  const t = useT();
  const id = useId();
  const worldRevision = revision ?? cluster.storage.revision;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision stands for the cluster's mutable etcd.
  const choices = useMemo(
    () => namespaces ?? storedNamespaces(cluster),
    [namespaces, cluster, worldRevision],
  );
  const [picked, setNamespace] = useState<string | undefined>(initialNamespace);
  const namespace =
    picked !== undefined && choices.includes(picked)
      ? picked
      : choices.includes('default')
        ? 'default'
        : choices[0];

  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision stands for the cluster's mutable etcd.
  const model = useMemo(() => {
    if (namespace === undefined) return undefined;
    const matrix = buildMatrixModel(cluster.accessMatrix(namespace), resolvePlayAs(cluster));
    const names = new Map(matrix.resources.map((r) => [r, sampleObjectName(cluster, r, namespace)] as const));
    return { ...matrix, names };
  }, [cluster, namespace, worldRevision]);
  const [pickedSubject, setSubject] = useState<string | undefined>(undefined);
  const subject = model?.subjects.find((s) => s.subject === pickedSubject) ?? model?.subjects[0];

  const body = (
    <div className="flex flex-col gap-3" data-testid={framed ? undefined : 'access-matrix'}>
      <p className="text-sm text-muted">{t('matrix.intro')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium text-text" htmlFor={`${id}-ns`}>
          {t('matrix.namespace')}
          <select
            className="h-9 rounded-lg border border-border bg-panel px-2 text-sm text-text"
            data-testid="matrix-namespace"
            id={`${id}-ns`}
            onChange={(e) => setNamespace(e.target.value)}
            value={namespace ?? ''}
          >
            {choices.map((ns) => (
              <option key={ns} value={ns}>
                {ns}
              </option>
            ))}
          </select>
        </label>
        {model !== undefined && (
          <label
            className="flex min-w-0 flex-col gap-1 text-sm font-medium text-text"
            htmlFor={`${id}-subject`}
          >
            {t('matrix.subject')}
            <select
              className="h-9 max-w-full rounded-lg border border-border bg-panel px-2 text-sm text-text"
              data-testid="matrix-subject"
              id={`${id}-subject`}
              onChange={(e) => setSubject(e.target.value)}
              value={subject?.subject ?? ''}
            >
              {model.subjects.map((s) => (
                <option key={s.subject} value={s.subject}>
                  {t('matrix.subject.option', {
                    subject: s.subject,
                    allowed: s.allowedCount,
                    total: model.resources.length * model.verbs.length,
                  })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {namespace === undefined || model === undefined || subject === undefined ? (
        <p className="text-sm text-muted">{t('matrix.empty')}</p>
      ) : (
        <>
          <PlayHint namespace={namespace} subject={subject} />
          <MatrixTable
            names={model.names}
            namespace={namespace}
            onPlay={onPlay}
            resources={model.resources}
            subject={subject}
            verbs={model.verbs}
          />
          <p className="text-xs text-muted">{t('matrix.commands')}</p>
        </>
      )}
    </div>
  );
  return framed ? (
    <Card labelId={`${id}-title`} testId="access-matrix" title={t('matrix.title')}>
      {body}
    </Card>
  ) : (
    body
  );
}

function PlayHint({ subject, namespace }: { readonly subject: MatrixSubject; readonly namespace: string }) {
  const t = useT();
  const play = subject.playAs;
  if (play === undefined) {
    return <p className="text-sm text-muted">{t('matrix.play.nobody', { subject: subject.subject })}</p>;
  }
  return (
    <div className="flex flex-col gap-1 text-sm text-muted">
      <p>
        {play.kind === 'direct'
          ? t('matrix.play.direct', { user: play.user, namespace })
          : t('matrix.play.impersonate', { user: play.user, subject: subject.subject, namespace })}
      </p>
      {!play.canSelfReview && (
        <p className="flex items-start gap-1.5 text-warning" data-testid="matrix-no-self-review">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          {t('matrix.play.noSelfReview', { subject: subject.subject })}
        </p>
      )}
    </div>
  );
}

function MatrixTable({
  subject,
  names,
  resources,
  verbs,
  namespace,
  onPlay,
}: {
  readonly subject: MatrixSubject;
  readonly names: ReadonlyMap<string, string | undefined>;
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly namespace: string;
  readonly onPlay: (user: string, command: string) => void;
}) {
  const t = useT();
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table
        className="w-full border-collapse text-sm"
        data-subject={subject.subject}
        data-testid="matrix-table"
      >
        <caption className="sr-only">{t('matrix.caption', { subject: subject.subject, namespace })}</caption>
        <thead>
          <tr className="bg-subtle">
            <th
              className="sticky left-0 bg-subtle px-2 py-1.5 text-left text-xs font-semibold text-muted"
              scope="col"
            >
              {t('matrix.resource')}
            </th>
            {verbs.map((verb) => (
              <th
                className="px-1 py-1.5 text-center font-mono text-xs font-semibold text-muted"
                key={verb}
                scope="col"
              >
                {verb}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {resources.map((resource) => (
            <tr className="border-t border-border" key={resource}>
              <th
                className="sticky left-0 bg-panel px-2 py-1 text-left font-mono text-[0.8125rem] font-medium text-text"
                scope="row"
              >
                {resource}
              </th>
              {verbs.map((verb) => {
                const cell = subject.cells.get(resource)?.get(verb);
                return (
                  <td className="px-1 py-1 text-center" key={verb}>
                    {cell !== undefined && (
                      <MatrixCell
                        cell={cell}
                        objectName={names.get(resource)}
                        namespace={namespace}
                        onPlay={onPlay}
                        subject={subject}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixCell({
  cell,
  objectName,
  subject,
  namespace,
  onPlay,
}: {
  readonly cell: AccessMatrixCell;
  readonly objectName: string | undefined;
  readonly subject: MatrixSubject;
  readonly namespace: string;
  readonly onPlay: (user: string, command: string) => void;
}) {
  const t = useT();
  const play = subject.playAs;
  const command = play === undefined ? undefined : commandForCell(cell, namespace, play, objectName);
  const answer = t(cell.allowed ? 'matrix.cell.allowed' : 'matrix.cell.denied');
  const via = viaText(cell.via) ?? cell.authorizer;
  const label = t(cell.allowed ? 'matrix.cell.label.allowed' : 'matrix.cell.label.denied', {
    subject: cell.subject,
    verb: cell.verb,
    resource: cell.resource,
    namespace,
  });
  const title = [label, via === undefined ? undefined : t('matrix.cell.via', { via }), command]
    .filter((s) => s !== undefined)
    .join('\n');
  const tone = cell.allowed
    ? 'border-passed bg-passed-soft text-passed hover:bg-passed hover:text-panel'
    : 'border-failed bg-failed-soft text-failed hover:bg-failed hover:text-panel';
  const Icon = cell.allowed ? Check : X;
  return (
    <button
      // The name starts with the visible word (WCAG 2.5.3 label in name), then says the rest.
      aria-label={t('matrix.cell.name', {
        answer,
        label: command === undefined ? label : t('matrix.cell.play', { label, command }),
      })}
      className={`inline-flex h-8 min-w-14 items-center justify-center gap-1 rounded-md border px-1.5 text-xs font-semibold disabled:cursor-not-allowed disabled:opacity-70 ${tone}`}
      data-allowed={cell.allowed}
      data-command={command}
      data-resource={cell.resource}
      data-testid="matrix-cell"
      data-verb={cell.verb}
      disabled={play === undefined}
      onClick={() => {
        if (play !== undefined && command !== undefined) onPlay(play.user, command);
      }}
      title={title}
      type="button"
    >
      <Icon aria-hidden="true" className="size-4 shrink-0" />
      <span aria-hidden="true">{answer}</span>
    </button>
  );
}
