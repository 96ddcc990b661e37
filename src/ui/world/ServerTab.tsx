import { useMemo } from 'react';
import { DEFAULT_SERVER_CONFIG, orderPlugins, type ServerConfigInput } from '../../engine';
import { useT } from '../../i18n';
import { parseYaml } from '../../scenarios/yaml-safe';
import { SourceEditor } from './SourceEditor';
import { useSourceEditor } from './useSourceEditor';

/** A readable summary of the server flags (authenticators, modes, plugin order) above their YAML. */
export function ServerTab() {
  const t = useT();
  const { text } = useSourceEditor('server');
  const config = useMemo(() => {
    const parsed = parseYaml(text);
    return parsed.ok ? ((parsed.value.value ?? {}) as ServerConfigInput) : undefined;
  }, [text]);
  const authn = { ...DEFAULT_SERVER_CONFIG.authentication, ...config?.authentication };
  const modes = config?.authorization?.modes ?? DEFAULT_SERVER_CONFIG.authorization.modes;
  // Listed in the order the server runs them (AllOrderedPlugins), whatever order the YAML lists.
  const plugins = orderPlugins(config?.admission?.plugins ?? DEFAULT_SERVER_CONFIG.admission.plugins);
  const authenticators = [
    authn.x509 && t('server.authn.x509'),
    authn.tokenFile.length > 0 && `--token-auth-file (${authn.tokenFile.length})`,
    authn.serviceAccountTokens && t('server.authn.serviceAccountTokens'),
    authn.bootstrapTokens && t('server.authn.bootstrapTokens'),
    authn.oidc?.enabled && 'OIDC',
    authn.requestHeader?.enabled && t('server.authn.requestHeader'),
    authn.anonymous && '--anonymous-auth',
  ].filter((x): x is string => typeof x === 'string');
  return (
    <div className="flex flex-col gap-4">
      {config !== undefined && (
        <section className="flex flex-col gap-2 text-sm" data-testid="server-summary">
          <h3 className="font-semibold text-text">{t('server.summary')}</h3>
          <dl className="flex flex-col gap-1">
            <dt className="mt-1.5 text-muted">{t('server.authenticators')}</dt>
            <dd className="font-mono text-[0.8125rem] text-text">{authenticators.join(' · ')}</dd>
            <dt className="mt-1.5 text-muted">{t('server.modes')}</dt>
            <dd className="font-mono text-[0.8125rem] text-text" data-testid="server-modes">
              {modes.join(',')}
            </dd>
            <dt className="mt-1.5 text-muted">{t('server.plugins')}</dt>
            <dd>
              <ol className="flex flex-wrap gap-1 font-mono text-xs text-text">
                {plugins.map((p, i) => (
                  <li
                    className="rounded border border-border bg-subtle px-1.5 py-0.5"
                    key={p}
                  >{`${i + 1}. ${p}`}</li>
                ))}
              </ol>
            </dd>
          </dl>
        </section>
      )}
      <SourceEditor id="server" label={t('server.yaml')} />
    </div>
  );
}
