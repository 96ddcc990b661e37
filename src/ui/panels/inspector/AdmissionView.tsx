import {
  CircleCheck,
  CircleMinus,
  CircleX,
  Hourglass,
  type LucideIcon,
  Pencil,
  RotateCw,
  TriangleAlert,
} from 'lucide-react';
import type {
  AdmissionDetails,
  AdmissionPluginResult,
  CelExpressionResult,
  JsonPatchOperation,
} from '../../../engine';
import { type Translate, useT } from '../../../i18n';
import { CodeBlock, formatJson } from '../../components/CodeBlock';
import { Disclosure } from '../../components/Disclosure';
import { keyed } from './keyed';
import { ObjectDiff } from './ObjectDiff';
import { Chip, Mono, Note, SectionTitle, type Tone } from './parts';

/** The reason the engine gives plugins it enables but does not model (admission/index.ts). */
export const NOT_SIMULATED_REASON = 'not simulated by kube-request-flow';

export function isNotSimulated(step: AdmissionPluginResult): boolean {
  return step.outcome === 'skipped' && step.reason === NOT_SIMULATED_REASON;
}

type StepVerdict = 'mutated' | 'admitted' | 'denied' | 'skipped';

const VERDICT_STYLE: Readonly<Record<StepVerdict, { tone: Tone; icon: LucideIcon }>> = {
  mutated: { tone: 'accent', icon: Pencil },
  admitted: { tone: 'passed', icon: CircleCheck },
  denied: { tone: 'failed', icon: CircleX },
  skipped: { tone: 'skipped', icon: CircleMinus },
};

function verdictOf(step: AdmissionPluginResult): StepVerdict {
  if (step.outcome === 'failed') return 'denied';
  if (step.outcome === 'skipped') return 'skipped';
  return step.patch !== undefined && step.patch.length > 0 ? 'mutated' : 'admitted';
}

/**
 * Every admission step in the order it ran — in-tree plugins, policy bindings, webhooks,
 * re-invocations — with its verdict, its message and, for a step that changed the object, the
 * before/after diff and JSON Patch. Plugins the simulator does not model fold into one line.
 */
export function AdmissionView({
  details,
  phase = 'mutating',
}: {
  readonly details: AdmissionDetails;
  readonly phase?: 'mutating' | 'validating';
}) {
  const t = useT();
  const plugins = details.plugins ?? [];
  const shown = plugins.filter((step) => !isNotSimulated(step));
  const notSimulated = plugins.filter(isNotSimulated);
  const phasePatch = details.patch ?? [];
  return (
    <div className="flex flex-col gap-3">
      {details.celNotLoaded === true && (
        <Note icon={Hourglass} testId="cel-not-loaded" tone="warning">
          {t('inspector.admission.celNotLoaded')}
        </Note>
      )}
      <SectionTitle>{t('inspector.admission.steps')}</SectionTitle>
      {shown.length === 0 && <p className="text-sm text-muted">{t('inspector.admission.noPlugins')}</p>}
      <ol className="flex flex-col">
        {keyed(shown, (step) => `${step.plugin}${step.reinvoked === true ? ':again' : ''}`).map(
          ({ item: step, key }, index) => (
            <AdmissionStep index={index} key={key} step={step} />
          ),
        )}
      </ol>
      {notSimulated.length > 0 && (
        <div data-count={notSimulated.length} data-testid="not-simulated">
          <Disclosure summary={t('inspector.admission.notSimulated', { count: notSimulated.length })}>
            <p className="mb-2 text-sm text-muted">{t('inspector.admission.notSimulated.why')}</p>
            <ul className="flex flex-wrap gap-1">
              {notSimulated.map((step) => (
                <li key={step.plugin}>
                  <Mono>{step.plugin}</Mono>
                </li>
              ))}
            </ul>
          </Disclosure>
        </div>
      )}
      {phase === 'mutating' && phasePatch.length > 0 && details.before !== undefined && (
        <Disclosure summary={t('inspector.admission.phaseDiff', { count: phasePatch.length })}>
          <div className="flex flex-col gap-2">
            <ObjectDiff after={details.after} before={details.before} testId="phase-diff" />
            <PatchList patch={phasePatch} />
          </div>
        </Disclosure>
      )}
    </div>
  );
}

/** `in-tree plugin`, `policy · MutatingAdmissionPolicy`, `webhook · ValidatingAdmissionWebhook`. */
function kindLabel(t: Translate, step: AdmissionPluginResult): string {
  const kind = t(`inspector.admission.kind.${step.kind ?? 'plugin'}`);
  return step.via !== undefined && step.kind !== undefined && step.kind !== 'plugin'
    ? `${kind} · ${step.via}`
    : kind;
}

function AdmissionStep({ step, index }: { readonly step: AdmissionPluginResult; readonly index: number }) {
  const t = useT();
  const verdict = verdictOf(step);
  const style = VERDICT_STYLE[verdict];
  const changed = step.patch !== undefined && step.patch.length > 0;
  const border =
    verdict === 'denied' ? 'border-failed' : verdict === 'mutated' ? 'border-accent' : 'border-border';
  // A step with nothing to show beyond its reason is one line; the others get a card.
  const rich =
    changed ||
    (step.message ?? '') !== '' ||
    (step.warnings ?? []).length > 0 ||
    (step.expressions ?? []).length > 0 ||
    step.review !== undefined ||
    Object.keys(step.auditAnnotations ?? {}).length > 0;
  return (
    <li
      className={
        rich
          ? `my-1 flex flex-col gap-1.5 rounded-lg border p-2 ${border}`
          : 'flex flex-col gap-0.5 border-b border-border px-2 py-1.5 last:border-b-0'
      }
      data-kind={step.kind ?? 'plugin'}
      data-outcome={step.outcome}
      data-plugin={step.plugin}
      data-reinvoked={step.reinvoked === true ? 'true' : undefined}
      data-testid="admission-step"
      data-verdict={verdict}
    >
      <span className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
        <span className="text-xs font-semibold text-muted tabular-nums">{index + 1}.</span>
        <Mono>{step.plugin}</Mono>
        <Chip icon={style.icon} tone={style.tone}>
          {t(`inspector.admission.verdict.${verdict}`)}
        </Chip>
        {step.reinvoked === true && (
          <Chip icon={RotateCw} tone="accent">
            {t('inspector.admission.reinvoked')}
          </Chip>
        )}
        <span className="text-xs text-muted">{kindLabel(t, step)}</span>
        {!rich && <span className="min-w-0 text-sm text-muted">{step.reason}</span>}
      </span>
      {rich && <span className="text-sm text-muted">{step.reason}</span>}
      {step.message !== undefined && step.message !== '' && (
        <Note icon={CircleX} testId="admission-message" tone="failed">
          {step.message}
        </Note>
      )}
      {(step.warnings ?? []).map((warning) => (
        <Note icon={TriangleAlert} key={warning} tone="warning">
          {t('response.warning', { text: warning })}
        </Note>
      ))}
      {step.expressions !== undefined && step.expressions.length > 0 && (
        <ExpressionList expressions={step.expressions} />
      )}
      {changed && step.before !== undefined && step.after !== undefined && (
        <ObjectDiff after={step.after} before={step.before} />
      )}
      {changed && (
        <Disclosure summary={t('inspector.admission.patch.count', { count: step.patch?.length ?? 0 })}>
          <PatchList patch={step.patch ?? []} />
        </Disclosure>
      )}
      {step.auditAnnotations !== undefined && Object.keys(step.auditAnnotations).length > 0 && (
        <div className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted">{t('inspector.admission.audit')}</span>
          <ul className="flex flex-col gap-0.5">
            {Object.entries(step.auditAnnotations).map(([key, value]) => (
              <li key={key}>
                <Mono>{`${key}: ${value}`}</Mono>
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.review !== undefined && (
        <div className="flex flex-col gap-1.5">
          <Disclosure summary={t('inspector.admission.review.request')}>
            <CodeBlock label={t('inspector.admission.review.request')} testId="admission-review-request">
              {formatJson(step.review.request)}
            </CodeBlock>
          </Disclosure>
          {step.review.response === undefined ? (
            <p className="text-sm text-muted">{t('inspector.admission.review.noResponse')}</p>
          ) : (
            <Disclosure summary={t('inspector.admission.review.response')}>
              <CodeBlock label={t('inspector.admission.review.response')} testId="admission-review-response">
                {formatJson(step.review.response)}
              </CodeBlock>
            </Disclosure>
          )}
        </div>
      )}
    </li>
  );
}

export function PatchList({ patch }: { readonly patch: readonly JsonPatchOperation[] }) {
  return (
    <ul className="flex flex-col gap-1 font-mono text-xs" data-testid="json-patch">
      {keyed(patch, (op) => `${op.op}:${op.path}`).map(({ item: op, key }) => (
        <li className="rounded bg-subtle px-2 py-1 break-all" key={key}>
          <span className="font-bold text-accent">{op.op}</span> {op.path}
          {op.value === undefined ? '' : ` = ${formatJson(op.value).replace(/\s*\n\s*/g, ' ')}`}
        </li>
      ))}
    </ul>
  );
}

function valueStyle(result: CelExpressionResult): { tone: Tone; icon: LucideIcon; text: string } | undefined {
  if (result.error !== undefined) return { tone: 'failed', icon: CircleX, text: 'error' };
  if (result.value === true) return { tone: 'passed', icon: CircleCheck, text: 'true' };
  if (result.value === false) return { tone: 'failed', icon: CircleX, text: 'false' };
  return undefined;
}

/** Each CEL expression of a policy, in evaluation order, with what it evaluated to. */
function ExpressionList({ expressions }: { readonly expressions: readonly CelExpressionResult[] }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1">
      <span className="text-xs font-medium text-muted">{t('inspector.admission.expressions')}</span>
      <ol className="flex flex-col gap-1.5">
        {keyed(expressions, (r) => r.field).map(({ item: result, key }) => {
          const style = valueStyle(result);
          return (
            <li
              className="flex flex-col gap-1 rounded-md border border-border p-1.5"
              data-field={result.field}
              data-testid="cel-expression"
              key={key}
            >
              <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
                <span className="font-mono">{result.field}</span>
                <span aria-hidden="true">→</span>
                {style === undefined ? (
                  <Mono>{formatJson(result.value).replace(/\s*\n\s*/g, ' ')}</Mono>
                ) : (
                  <Chip icon={style.icon} tone={style.tone}>
                    {t(`inspector.admission.cel.${style.text}`)}
                  </Chip>
                )}
                {result.cost !== undefined && (
                  <span>{t('inspector.admission.cel.cost', { cost: result.cost })}</span>
                )}
              </span>
              <code className="font-mono text-[0.8125rem] break-all whitespace-pre-wrap text-text">
                {result.expression}
              </code>
              {result.error !== undefined && <span className="text-sm text-failed">{result.error}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
