import { Plus, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { stringify } from 'yaml';
import type { Credential, ServerConfigInput, UserSpec } from '../../engine';
import { useT } from '../../i18n';
import { parseYaml } from '../../scenarios/yaml-safe';
import { useAppStore, useAppStoreApi } from '../../store/context';
import type { AppState } from '../../store/types';
import { SourceEditor } from './SourceEditor';

const INPUT = 'h-9 w-full min-w-0 rounded-lg border border-border-strong bg-panel px-2 text-sm text-text';
const FORM_TYPES = ['token', 'x509', 'serviceAccount', 'anonymous'] as const;
const selectUsersText = (s: AppState) => s.sources.texts.users;
const selectServerText = (s: AppState) => s.sources.texts.server;

function parseList<T>(text: string): T | undefined {
  const parsed = parseYaml(text);
  return parsed.ok ? (parsed.value.value as T) : undefined;
}

function defaultCredential(type: (typeof FORM_TYPES)[number], name: string): Credential {
  switch (type) {
    case 'token':
      return { type, token: `${name}-token` };
    case 'x509':
      return { type, commonName: name, organizations: [] };
    case 'serviceAccount':
      return { type, namespace: 'default', name };
    default:
      return { type: 'anonymous' };
  }
}

/** Users as a form (name, credential and its fields, groups) above their YAML. */
export function UsersTab() {
  const t = useT();
  const store = useAppStoreApi();
  const text = useAppStore(selectUsersText);
  const serverText = useAppStore(selectServerText);
  const users = useMemo(() => parseList<UserSpec[] | null>(text), [text]);
  const server = useMemo(() => parseList<ServerConfigInput | null>(serverText), [serverText]);
  const tokenFile = server?.authentication?.tokenFile ?? [];
  const isEditable = Array.isArray(users);

  const write = (next: UserSpec[]) =>
    store.getState().editSource('users', stringify(next, { lineWidth: 0 }), {
      label: { key: 'history.form', values: { tab: 'users' } },
      coalesce: true,
    });
  const update = (index: number, change: (u: UserSpec) => UserSpec) =>
    isEditable && write(users.map((u, i) => (i === index ? change(u) : u)));

  return (
    <div className="flex flex-col gap-4">
      {isEditable && (
        <section className="flex flex-col gap-2" data-testid="users-form">
          <h3 className="text-sm font-semibold text-text">{t('users.form')}</h3>
          <ul className="flex flex-col gap-2">
            {users.map((user, index) => {
              const c = user.credential;
              const groups =
                c.type === 'token' ? tokenFile.find((line) => line.token === c.token)?.groups : undefined;
              return (
                <li
                  className="grid gap-2 rounded-lg border border-border p-3 sm:grid-cols-2"
                  data-user={user.name}
                  // Users may be renamed mid-typing; the position is their identity in this form.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  key={index}
                >
                  <label className="flex flex-col gap-1 text-xs font-medium text-muted">
                    {t('users.name')}
                    <input
                      className={`${INPUT} font-mono`}
                      onChange={(e) => update(index, (u) => ({ ...u, name: e.target.value }))}
                      value={user.name}
                    />
                  </label>
                  <label className="flex flex-col gap-1 text-xs font-medium text-muted">
                    {t('users.credential')}
                    <select
                      className={INPUT}
                      onChange={(e) =>
                        update(index, (u) => ({
                          ...u,
                          credential: defaultCredential(
                            e.target.value as (typeof FORM_TYPES)[number],
                            u.name,
                          ),
                        }))
                      }
                      value={c.type}
                    >
                      {(FORM_TYPES as readonly string[]).includes(c.type) ? null : (
                        <option value={c.type}>{t(`credential.${c.type}`)}</option>
                      )}
                      {FORM_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`credential.${type}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {c.type === 'token' && (
                    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
                      {t('users.token')}
                      <input
                        className={`${INPUT} font-mono`}
                        onChange={(e) =>
                          update(index, (u) => ({
                            ...u,
                            credential: { type: 'token', token: e.target.value },
                          }))
                        }
                        value={c.token}
                      />
                    </label>
                  )}
                  {c.type === 'x509' && (
                    <>
                      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
                        {t('users.commonName')}
                        <input
                          className={`${INPUT} font-mono`}
                          onChange={(e) =>
                            update(index, (u) => ({ ...u, credential: { ...c, commonName: e.target.value } }))
                          }
                          value={c.commonName}
                        />
                      </label>
                      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
                        {t('users.organizations')}
                        <input
                          className={`${INPUT} font-mono`}
                          onChange={(e) =>
                            update(index, (u) => ({
                              ...u,
                              credential: {
                                ...c,
                                organizations: e.target.value
                                  .split(',')
                                  .map((s) => s.trim())
                                  .filter(Boolean),
                              },
                            }))
                          }
                          value={(c.organizations ?? []).join(', ')}
                        />
                      </label>
                    </>
                  )}
                  {c.type === 'serviceAccount' && (
                    <>
                      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
                        {t('users.namespace')}
                        <input
                          className={`${INPUT} font-mono`}
                          onChange={(e) =>
                            update(index, (u) => ({ ...u, credential: { ...c, namespace: e.target.value } }))
                          }
                          value={c.namespace}
                        />
                      </label>
                      <label className="flex flex-col gap-1 text-xs font-medium text-muted">
                        {t('users.saName')}
                        <input
                          className={`${INPUT} font-mono`}
                          onChange={(e) =>
                            update(index, (u) => ({ ...u, credential: { ...c, name: e.target.value } }))
                          }
                          value={c.name}
                        />
                      </label>
                    </>
                  )}
                  {!(FORM_TYPES as readonly string[]).includes(c.type) && (
                    <p className="text-xs text-muted sm:col-span-2">{t('users.otherType')}</p>
                  )}
                  <div className="flex items-end justify-between gap-2 sm:col-span-2">
                    <p className="text-xs text-muted">
                      {c.type === 'token' ? `${t('users.groups')}: ` : ''}
                      <span className="font-mono text-text">
                        {groups === undefined
                          ? c.type === 'token'
                            ? t('users.groupsNone')
                            : ''
                          : groups.join(', ')}
                      </span>
                    </p>
                    <button
                      aria-label={t('users.remove', { name: user.name })}
                      className="inline-flex size-8 items-center justify-center rounded-lg border border-border text-muted hover:bg-subtle hover:text-failed"
                      onClick={() => write(users.filter((_, i) => i !== index))}
                      title={t('users.remove', { name: user.name })}
                      type="button"
                    >
                      <Trash2 aria-hidden="true" className="size-4" />
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          <button
            className="inline-flex h-9 items-center gap-1.5 self-start rounded-lg border border-border px-3 text-sm font-medium text-text hover:bg-subtle"
            onClick={() =>
              write([...users, { name: `user${users.length + 1}`, credential: { type: 'anonymous' } }])
            }
            type="button"
          >
            <Plus aria-hidden="true" className="size-4" />
            {t('users.add')}
          </button>
        </section>
      )}
      <SourceEditor id="users" label={t('users.yaml')} />
    </div>
  );
}
