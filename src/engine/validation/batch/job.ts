import type { FieldError } from '../../responses/status';
import type { KubeObject } from '../../types';
import {
  asObject,
  isObject,
  nonNegative,
  templateMismatch,
  validateLabelSelector,
  validatePodTemplateSpec,
} from '../apps/template';
import { notSupported, required } from '../field';
import { isManualSelector, withGeneratedJobSelector } from './job-selector';

/**
 * ValidateJobSpec / validateJobSpec (pkg/apis/batch/validation/validation.go), the fields a learner
 * touches: the counts, completionMode, podReplacementPolicy, the pod template and its
 * restartPolicy, and the selector. On create the selector is the one the strategy generates
 * (job-selector.ts) unless manualSelector is true; its uid is not known yet here, which changes
 * no outcome.
 */
export function validateJobSpec(job: KubeObject, operation: 'CREATE' | 'UPDATE'): FieldError[] {
  const name = job.metadata?.name ?? '';
  const seen =
    operation === 'CREATE' && !isManualSelector(job) ? withGeneratedJobSelector(job, name, 'pending') : job;
  const spec = asObject(seen.spec);
  const errs: FieldError[] = [];
  for (const field of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
  ])
    errs.push(...nonNegative(spec[field], `spec.${field}`));
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed')
    errs.push(notSupported('spec.completionMode', mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && spec.completions === undefined)
    errs.push(required('spec.completions', 'when completion mode is Indexed'));
  const replacement = spec.podReplacementPolicy;
  if (replacement !== undefined) {
    const allowed = spec.podFailurePolicy === undefined ? ['Failed', 'TerminatingOrFailed'] : ['Failed'];
    if (!allowed.includes(String(replacement)))
      errs.push(notSupported('spec.podReplacementPolicy', replacement, allowed));
  }
  const template = asObject(spec.template);
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  // SetDefaults_PodSpec turns an unset restartPolicy into Always, so both read as "not chosen".
  const policy = String(asObject(template.spec).restartPolicy ?? '');
  if (policy === 'Always' || policy === '')
    errs.push(required('spec.template.spec.restartPolicy', 'valid values: "OnFailure", "Never"'));
  else if (policy !== 'OnFailure' && policy !== 'Never')
    errs.push(notSupported('spec.template.spec.restartPolicy', policy, ['OnFailure', 'Never']));
  if (!isObject(spec.selector)) errs.push(required('spec.selector', ''));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  errs.push(...templateMismatch(spec.selector, template, 'spec.template'));
  return errs;
}
