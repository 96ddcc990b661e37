import type { AdmissionDetails } from '../../../engine/types';
import { useT } from '../../../i18n';
import { formatJson } from '../../components/CodeBlock';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { Mono, SectionTitle } from './parts';

/** Each admission plugin's verdict and, for mutating ones, the JSON Patch it applied. */
export function AdmissionView({ details }: { readonly details: AdmissionDetails }) {
  const t = useT();
  const plugins = details.plugins ?? [];
  return (
    <div className="flex flex-col gap-3">
      <SectionTitle>{t('inspector.admission.plugins')}</SectionTitle>
      {plugins.length === 0 && <p className="text-sm text-muted">{t('inspector.admission.noPlugins')}</p>}
      <ol className="flex flex-col gap-2">
        {plugins.map((plugin) => (
          <li className="flex flex-col gap-1.5 rounded-lg border border-border p-2" key={plugin.plugin}>
            <span className="flex flex-wrap items-center gap-2">
              <Mono>{plugin.plugin}</Mono>
              <OutcomeBadge outcome={plugin.outcome} size="sm" />
            </span>
            <span className="text-sm text-muted">{plugin.reason}</span>
            {plugin.patch !== undefined && plugin.patch.length > 0 && (
              <div className="flex flex-col gap-1">
                <span className="text-xs font-medium text-muted">{t('inspector.admission.patch')}</span>
                <ul className="flex flex-col gap-1 font-mono text-xs">
                  {plugin.patch.map((op) => (
                    <li className="rounded bg-subtle px-2 py-1 break-all" key={`${op.op}:${op.path}`}>
                      <span className="font-bold text-accent">{op.op}</span> {op.path}
                      {op.value === undefined ? '' : ` = ${formatJson(op.value).replace(/\s*\n\s*/g, ' ')}`}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
