import { Plus, ShieldAlert, ShieldCheck } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { useAppStore, useAppStoreApi } from '../../store/context';
import { selectActiveTrace } from '../../store/selectors';
import { authorizationOf, highlightRows, type RowHighlight, rbacHighlightOf } from './rbac-highlight';
import { addRule, type RoleRef, rbacTable } from './rbac-model';
import { onRbacReveal, takeRbacReveal } from './rbac-reveal';
import { SourceEditor } from './SourceEditor';
import { useSourceEditor } from './useSourceEditor';

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const INPUT = 'h-9 w-full rounded-lg border border-border-strong bg-panel px-2 text-sm text-text';
const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s, i, a) => a.indexOf(s) === i);
const roleKey = (r: RoleRef) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;

function AddRule({ roles }: { readonly roles: readonly RoleRef[] }) {
  const t = useT();
  const store = useAppStoreApi();
  const id = useId();
  const [role, setRole] = useState('');
  const [verbs, setVerbs] = useState<string[]>(['get']);
  const [resources, setResources] = useState('pods');
  const [apiGroups, setApiGroups] = useState('');
  if (roles.length === 0) return <p className="text-sm text-muted">{t('rbac.addRule.none')}</p>;
  const target = roles.find((r) => roleKey(r) === role) ?? (roles[0] as RoleRef);
  const submit = () => {
    const text = store.getState().sources.texts.rbac;
    const next = addRule(text, target, {
      verbs,
      resources: list(resources),
      apiGroups: apiGroups.trim() === '' ? [''] : list(apiGroups),
    });
    if (next !== undefined)
      store
        .getState()
        .editSource('rbac', next, { label: { key: 'history.addRule', values: { role: target.name } } });
  };
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-border p-3" data-testid="add-rule">
      <legend className="px-1 text-sm font-semibold text-text">{t('rbac.addRule')}</legend>
      <label className="flex flex-col gap-1 text-sm text-text" htmlFor={`${id}-role`}>
        {t('rbac.addRule.role')}
        <select
          className={INPUT}
          id={`${id}-role`}
          onChange={(e) => setRole(e.target.value)}
          value={roleKey(target)}
        >
          {roles.map((r) => (
            <option key={roleKey(r)} value={roleKey(r)}>
              {`${r.kind} ${r.namespace === undefined ? '' : `${r.namespace}/`}${r.name}`}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-col gap-1 text-sm text-text">
        <span>{t('rbac.addRule.verbs')}</span>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {VERBS.map((verb) => (
            <label className="flex items-center gap-1 font-mono text-[0.8125rem]" key={verb}>
              <input
                checked={verbs.includes(verb)}
                onChange={(e) =>
                  setVerbs(e.target.checked ? [...verbs, verb] : verbs.filter((v) => v !== verb))
                }
                type="checkbox"
              />
              {verb}
            </label>
          ))}
        </div>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm text-text">
          {t('rbac.addRule.resources')}
          <input
            className={`${INPUT} font-mono`}
            onChange={(e) => setResources(e.target.value)}
            value={resources}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm text-text">
          {t('rbac.addRule.apiGroups')}
          <input
            className={`${INPUT} font-mono`}
            onChange={(e) => setApiGroups(e.target.value)}
            value={apiGroups}
          />
        </label>
      </div>
      <button
        className="inline-flex h-9 items-center gap-1.5 self-start rounded-lg border border-accent bg-accent px-3 text-sm font-medium text-accent-fg hover:bg-accent-hover disabled:opacity-60"
        disabled={verbs.length === 0 || list(resources).length === 0}
        onClick={submit}
        type="button"
      >
        <Plus aria-hidden="true" className="size-4" />
        {t('rbac.addRule.submit')}
      </button>
    </fieldset>
  );
}

/** "allowed this request" or "closest rule — lacks verb": colour, icon and words together. */
function HighlightMarker({ mark }: { readonly mark: RowHighlight }) {
  const t = useT();
  const allowed = mark.kind === 'allowed';
  const Icon = allowed ? ShieldCheck : ShieldAlert;
  return (
    <span
      className={`mt-0.5 inline-flex items-center gap-1 rounded-full border px-2 py-0.5 font-sans text-xs font-medium ${
        allowed ? 'border-passed bg-passed-soft text-passed' : 'border-warning bg-panel text-warning'
      }`}
      data-kind={mark.kind}
      data-testid="rbac-highlight-marker"
    >
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      {allowed ? t('rbac.highlight.allowed') : t('rbac.highlight.nearMiss', { lacks: mark.lacks.join(', ') })}
    </span>
  );
}

/** The attributes that mark a highlighted row or rule, as stable hooks for styles and tests. */
function markAttrs(mark: RowHighlight | undefined) {
  if (mark === undefined) return {};
  return mark.kind === 'allowed' ? { 'data-highlighted': 'true' } : { 'data-near-miss': 'true' };
}

/** RBAC as a readable table (subject → binding → role → rules), an "add rule" helper and the YAML. */
export function RbacTab() {
  const t = useT();
  const { text } = useSourceEditor('rbac');
  const { rows, roles, unbound } = useMemo(() => rbacTable(text), [text]);
  const trace = useAppStore(selectActiveTrace);
  const highlight = useMemo(() => rbacHighlightOf(authorizationOf(trace)), [trace]);
  const marks = useMemo(() => highlightRows(rows, highlight), [rows, highlight]);
  const tableRef = useRef<HTMLTableElement>(null);

  // "Show in RBAC editor" from the inspector: bring the marked row into view, now or on mount.
  useEffect(() => {
    const reveal = () => {
      if (!takeRbacReveal()) return;
      tableRef.current
        ?.querySelector('tr[data-highlighted="true"], tr[data-near-miss="true"]')
        ?.scrollIntoView({ block: 'nearest' });
    };
    reveal();
    return onRbacReveal(reveal);
  }, []);

  return (
    <div className="flex flex-col gap-4">
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold text-text">{t('rbac.table')}</h3>
        {rows.length === 0 ? (
          <p className="text-sm text-muted">{t('rbac.noBindings')}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-border">
            <table
              className="w-full text-left text-sm"
              data-highlight={highlight?.kind ?? 'none'}
              data-testid="rbac-table"
              ref={tableRef}
            >
              <thead className="bg-subtle text-xs text-muted uppercase">
                <tr>
                  <th className="px-2 py-1.5" scope="col">
                    {t('rbac.subject')}
                  </th>
                  <th className="px-2 py-1.5" scope="col">
                    {t('rbac.role')}
                  </th>
                  <th className="px-2 py-1.5" scope="col">
                    {t('rbac.rules')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const mark = marks.get(index);
                  return (
                    <tr
                      className={`border-t border-border align-top ${
                        mark === undefined
                          ? ''
                          : mark.kind === 'allowed'
                            ? 'bg-passed-soft shadow-[inset_4px_0_0_var(--color-passed)]'
                            : 'bg-subtle shadow-[inset_4px_0_0_var(--color-warning)]'
                      }`}
                      data-rbac-binding={row.binding}
                      data-rbac-subject={row.subject}
                      key={`${row.subject}|${row.binding}`}
                      {...markAttrs(mark)}
                    >
                      <td className="px-2 py-1.5 font-mono text-[0.8125rem] text-text">{row.subject}</td>
                      <td className="px-2 py-1.5 text-text">
                        <span className="font-mono text-[0.8125rem]">{row.role}</span>
                        <span className="block text-xs text-muted">
                          {row.namespace === undefined
                            ? t('rbac.clusterWide')
                            : t('rbac.inNamespace', { namespace: row.namespace })}
                        </span>
                      </td>
                      <td className="px-2 py-1.5 font-mono text-[0.8125rem] text-text">
                        {row.rules === undefined ? (
                          <span className="text-failed">{t('rbac.missingRole')}</span>
                        ) : (
                          <ul>
                            {row.rules.map((rule, ruleIndex) => {
                              const ruleMark = mark?.ruleIndex === ruleIndex ? mark : undefined;
                              return (
                                <li
                                  className={
                                    ruleMark === undefined
                                      ? undefined
                                      : `-mx-1 flex flex-col items-start rounded px-1 font-bold ${ruleMark.kind === 'allowed' ? 'text-passed' : 'text-warning'}`
                                  }
                                  data-rbac-rule-index={ruleIndex}
                                  key={`${rule.verbs.join()}|${rule.resources.join()}|${rule.apiGroups.join()}`}
                                  {...markAttrs(ruleMark)}
                                >
                                  <span>
                                    {t('rbac.rule', {
                                      verbs: rule.verbs.join(', '),
                                      resources: rule.resources.join(', '),
                                      groups: rule.apiGroups.some((g) => g !== '')
                                        ? t('rbac.rule.groups', {
                                            groups: rule.apiGroups.map((g) => g || '""').join(', '),
                                          })
                                        : '',
                                    })}
                                  </span>
                                  {ruleMark !== undefined && <HighlightMarker mark={ruleMark} />}
                                </li>
                              );
                            })}
                          </ul>
                        )}
                        {mark !== undefined && mark.ruleIndex === undefined && (
                          <HighlightMarker mark={mark} />
                        )}
                      </td>
                    </tr>
                  );
                })}
                {unbound.map((r) => (
                  <tr className="border-t border-border text-muted" key={roleKey(r)}>
                    <td className="px-2 py-1.5">{t('rbac.unbound')}</td>
                    <td className="px-2 py-1.5 font-mono text-[0.8125rem]">{`${r.kind} ${r.name}`}</td>
                    <td />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddRule roles={roles} />
      <SourceEditor id="rbac" label={t('rbac.yaml')} />
    </div>
  );
}
