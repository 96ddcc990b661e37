import type { AdmissionAttributes } from './admission';
import { mutatingAdmissionStage, validatingAdmissionStage } from './admission';
import { authenticate } from './authentication';
import { presentCredential } from './authentication/credentials';
import { impersonate } from './authentication/impersonation';
import { attributesFor, authorizationStage } from './authorization';
import { evaluateEscalation } from './authorization/rbac/escalation';
import { decodeStage } from './decoding';
import { type EngineMessageId, engineMessage } from './messages';
import { serveNonResource } from './non-resource';
import { resolveRequestInfo } from './request-info';
import { type ResourceType, resourceForPath, storageKey } from './resources';
import { renderKubectlOutput } from './responses/kubectl-output';
import { pathNotFound } from './responses/status';
import { isReviewResource, serveReview } from './reviews';
import type { Etcd } from './storage/etcd';
import { managerOrUserAgent } from './storage/patch';
import { type ManagerWrite, rfc3339 } from './storage/registry';
import { runSubresource } from './storage/subresources';
import { checkUpdatePrecondition } from './storage/update-precondition';
import { storageStage } from './storage-stage';
import type {
  EngineExtensions,
  HttpRequest,
  HttpResponse,
  KubeObject,
  RbacStorageGuardDetails,
  RequestInfo,
  ServerConfig,
  ServerEnv,
  StageName,
  StageResult,
  UserInfo,
  UserSpec,
} from './types';
import { STAGES } from './types';
import { validationStage } from './validation';
import { applyDefaults } from './validation/defaults';

/** What the pipeline runs against: one cluster's state and configuration. */
export interface PipelineContext {
  readonly config: ServerConfig;
  readonly etcd: Etcd;
  readonly env: ServerEnv;
  /** OpenAPI schemas and the CEL interpreter, once loaded (see EngineExtensions). */
  readonly extensions?: EngineExtensions;
}

/** Verbs that reach admission (staging/src/k8s.io/apiserver/pkg/admission/attributes.go operations). */
const OPERATION_OF_VERB: Readonly<Record<string, AdmissionAttributes['operation']>> = {
  create: 'CREATE',
  update: 'UPDATE',
  patch: 'UPDATE',
  delete: 'DELETE',
  deletecollection: 'DELETE',
};

function skipped(
  stage: StageName,
  id: EngineMessageId,
  values: Record<string, string | number> = {},
): StageResult {
  return { stage, outcome: 'skipped', ...engineMessage(id, values) };
}

/** Fills in the stages an early answer never reached, so every trace lists all of them. */
function completeStages(done: StageResult[]): StageResult[] {
  const seen = new Set(done.map((s) => s.stage));
  const rest = STAGES.filter((s) => !seen.has(s)).map((s) => skipped(s, 'stage.notReached'));
  return [...done, ...rest];
}

/**
 * Runs one request through the handler chain in kube-apiserver's order:
 * authentication → authorization → decoding (+ defaulting) → mutating admission →
 * object validation → validating admission → storage.
 * Models staging/src/k8s.io/apiserver/pkg/server/config.go DefaultBuildHandlerChain and
 * endpoints/handlers/create.go, update.go, delete.go, get.go.
 */
export function runPipeline(ctx: PipelineContext, request: HttpRequest, sender: UserSpec) {
  const requestInfo = resolveRequestInfo(request);
  const stages: StageResult[] = [];
  const finish = (response: HttpResponse) => ({
    request,
    requestInfo,
    stages: completeStages(stages),
    response,
    // kubectl prints each Warning header on stderr before the result (client-go warning handler).
    kubectlOutput: `${(response.warnings ?? []).map((w) => `Warning: ${w}\n`).join('')}${renderKubectlOutput(request, requestInfo, response, ctx.env.now())}`,
  });

  const wire = presentCredential(request, sender.credential);
  const authn = authenticate(wire, ctx.config.authentication, ctx.etcd, ctx.env.now());
  stages.push(authn.result);
  if (authn.user === undefined) return finish({ status: authn.status?.code ?? 401, body: authn.status });

  // The impersonation filter runs between authentication and authorization (filters/impersonation.go).
  const impersonation = impersonate(request, authn.user, ctx.config.authorization, ctx.etcd);
  if (impersonation.response !== undefined) {
    const refused = impersonation.checks.at(-1);
    stages.push({
      stage: 'authorization',
      outcome: 'failed',
      ...engineMessage('authz.impersonationRefused', {
        requestor: authn.user.username,
        target: refused === undefined ? '' : `${refused.attributes.resource} "${refused.attributes.name}"`,
        reason: refused?.reason ?? '',
      }),
      ...(refused === undefined ? {} : { details: refused }),
    });
    return finish(impersonation.response);
  }
  const user = impersonation.user;
  if (impersonation.impersonated) {
    const details = authn.result.details;
    stages[0] = {
      ...authn.result,
      ...engineMessage('authn.impersonating', { requestor: authn.user.username, username: user.username }),
      details: {
        attempts: details?.attempts ?? [],
        ...details,
        impersonation: { user, checks: impersonation.checks },
      },
    };
  }

  const authz = authorizationStage(user, requestInfo, ctx.config.authorization, ctx.etcd);
  stages.push(authz.result);
  if (authz.status !== undefined) return finish({ status: authz.status.code, body: authz.status });

  if (!requestInfo.isResourceRequest) {
    for (const stage of [
      'decoding',
      'mutatingAdmission',
      'schemaValidation',
      'validatingAdmission',
    ] as const) {
      stages.push(skipped(stage, 'stage.nonResource', { path: requestInfo.path }));
    }
    const response = serveNonResource(requestInfo.path);
    stages.push({
      stage: 'storage',
      outcome: 'skipped',
      ...engineMessage('stage.nonResourceStorage', { path: requestInfo.path }),
    });
    return finish(response);
  }

  const type = resourceForPath(requestInfo.apiGroup, requestInfo.apiVersion, requestInfo.resource);
  if (type === undefined) {
    stages.push(skipped('decoding', 'stage.unknownResource', { resource: requestInfo.resource }));
    const status = pathNotFound();
    return finish({ status: status.code, body: status });
  }

  return finish(runResourceHandler(ctx, request, requestInfo, type, user, stages));
}

/** The REST handler for one resource: decode, admit, validate, store. */
/** The REST handler plus the Warning headers its stages collected (decoding, admission). */
function runResourceHandler(
  ctx: PipelineContext,
  request: HttpRequest,
  info: RequestInfo,
  type: ResourceType,
  user: UserInfo,
  stages: StageResult[],
): HttpResponse {
  const warnings: string[] = [];
  const response = handleResource(ctx, request, info, type, user, stages, warnings);
  return warnings.length === 0 ? response : { ...response, warnings };
}

function handleResource(
  ctx: PipelineContext,
  request: HttpRequest,
  info: RequestInfo,
  type: ResourceType,
  user: UserInfo,
  stages: StageResult[],
  warnings: string[],
): HttpResponse {
  // Subresources (scale, status, log, exec…) have their own REST handlers (storage/subresources.ts).
  if (info.subresource !== '') return runSubresource(ctx, request, info, type, stages);
  let operation = OPERATION_OF_VERB[info.verb];
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  const fail = (status: { code: number }) => ({ status: status.code, body: status });
  if (request.method === 'DELETE') mergeDeleteOptions(request, query);
  const key = info.name === '' ? undefined : storageKey(type, info.namespace, info.name);

  let object: KubeObject | undefined;
  let manager: ManagerWrite | undefined;
  if (operation === 'CREATE' || operation === 'UPDATE') {
    // A PATCH is applied to the live object first (endpoints/handlers/patch.go), then admitted as an UPDATE.
    const live = info.verb === 'patch' && key !== undefined ? ctx.etcd.get(key) : undefined;
    const decoded = decodeStage(request, info, type, live, { schemas: ctx.extensions?.schemas });
    stages.push(decoded.result);
    if ('warnings' in decoded && decoded.warnings !== undefined) warnings.push(...decoded.warnings);
    if (decoded.status !== undefined || decoded.object === undefined) {
      return decoded.status === undefined ? { status: 400, body: undefined } : fail(decoded.status);
    }
    object = applyDefaults(type, decoded.object);
    // Server-side apply of a missing object creates it.
    if ('creating' in decoded && decoded.creating === true) operation = 'CREATE';
    const time = rfc3339(ctx.env.now());
    manager =
      'manager' in decoded && decoded.manager !== undefined
        ? {
            manager: decoded.manager.name,
            operation: decoded.manager.operation,
            time,
            ...(decoded.manager.applied === undefined ? {} : { applied: decoded.manager.applied }),
          }
        : {
            manager: managerOrUserAgent(query.get('fieldManager'), userAgentOf(request)),
            operation: 'Update',
            time,
          };
  } else {
    stages.push(skipped('decoding', 'decoding.noBody'));
  }

  if (operation === undefined) {
    stages.push(skipped('mutatingAdmission', 'admission.readSkip', { verb: info.verb }));
    stages.push(skipped('schemaValidation', 'admission.readSkip', { verb: info.verb }));
    stages.push(skipped('validatingAdmission', 'admission.readSkip', { verb: info.verb }));
  } else {
    // The stored object itself (frozen, not a copy): admission and validation only read it, as
    // upstream's plugins read the old object from the watch cache without changing it.
    const oldObject = operation === 'CREATE' || key === undefined ? undefined : ctx.etcd.peek(key);
    const attrs: AdmissionAttributes = {
      operation,
      info,
      type,
      user,
      dryRun: query.get('dryRun') === 'All',
      ...(object === undefined ? {} : { object }),
      ...(oldObject === undefined ? {} : { oldObject }),
    };
    const plugins = ctx.config.admission.plugins;
    const admissionOptions = { config: ctx.config.admission, extensions: ctx.extensions ?? {}, env: ctx.env };
    const mutated = mutatingAdmissionStage(attrs, plugins, ctx.etcd, ctx.env, admissionOptions);
    stages.push(mutated.result);
    warnings.push(...mutated.warnings);
    if (mutated.status !== undefined) return fail(mutated.status);
    object = mutated.object ?? object;

    // store.go Update checks the resourceVersion inside GuaranteedUpdate, after the patch and
    // mutating admission built the object and before the strategy's validation.
    const stale =
      operation === 'UPDATE' && key !== undefined && object !== undefined
        ? checkUpdatePrecondition(type, key, info.name, object, oldObject, ctx.etcd.revision)
        : undefined;
    if (stale !== undefined) {
      stages.push(skipped('schemaValidation', 'validation.afterPrecondition'));
      stages.push(skipped('validatingAdmission', 'validation.afterPrecondition'));
      stages.push(stale.result);
      return fail(stale.status);
    }

    if (isReviewResource(type)) {
      stages.push(skipped('schemaValidation', 'review.validatedByStorage', { kind: type.kind }));
    } else if (object !== undefined && (operation === 'CREATE' || operation === 'UPDATE')) {
      const validated = validationStage(info, type, object, operation, {
        schemas: ctx.extensions?.schemas,
        ...(oldObject === undefined ? {} : { oldObject }),
      });
      stages.push(validated.result);
      if (validated.status !== undefined) return fail(validated.status);
    } else {
      stages.push(skipped('schemaValidation', 'validation.notApplicable'));
    }

    const admitted = validatingAdmissionStage(
      { ...attrs, ...(object === undefined ? {} : { object }) },
      plugins,
      ctx.etcd,
      admissionOptions,
    );
    stages.push(admitted.result);
    warnings.push(...admitted.warnings);
    if (admitted.status !== undefined) return fail(admitted.status);
    // Side effects of admission (ResourceQuota's status.used), written before the object itself.
    for (const write of admitted.writes) {
      const revision = ctx.etcd.revision + 1;
      ctx.etcd.put(write.key, {
        ...write.object,
        metadata: { ...write.object.metadata, resourceVersion: String(revision) },
      });
    }
  }

  // Access reviews are answered by their REST storage from the authorizer; nothing is stored.
  const review = serveReview(type, object, user, {
    config: ctx.config,
    objects: ctx.etcd,
    namespace: info.namespace,
    verb: info.verb,
    now: ctx.env.now(),
  });
  if (review !== undefined) {
    const details: RbacStorageGuardDetails = {
      operation: 'none',
      key: '',
      revision: ctx.etcd.revision,
      ...(review.authorization === undefined ? {} : { review: review.authorization }),
    };
    stages.push({
      stage: 'storage',
      outcome: 'skipped',
      ...engineMessage('review.answered', { kind: type.kind }),
      details,
    });
    return review.response;
  }
  // The RBAC REST storage wrappers refuse a Role or binding that grants more than its author
  // holds (pkg/registry/rbac/*/policybased/storage.go). Upstream checks before the strategy's
  // validation and validating admission, which the simulator has already run by now.
  const escalation = evaluateEscalation(
    attributesFor(user, info),
    object,
    // Read only, and only for a create or update (there is no object to check otherwise).
    key === undefined || object === undefined ? undefined : ctx.etcd.peek(key),
    ctx.etcd,
    ctx.config.authorization,
  );
  if (escalation.status !== undefined) {
    const details: RbacStorageGuardDetails = {
      operation: info.verb === 'create' ? 'create' : 'update',
      key: key ?? storageKey(type, info.namespace, object?.metadata?.name ?? ''),
      revision: ctx.etcd.revision,
      escalation,
    };
    stages.push({
      stage: 'storage',
      outcome: 'failed',
      ...engineMessage('authz.escalationForbidden', { reason: escalation.status.message ?? '' }),
      details,
    });
    return fail(escalation.status);
  }

  const stored = storageStage(info, type, object, ctx.etcd, ctx.env, query, manager);
  stages.push(
    escalation.bypass === undefined && escalation.verbCheck === undefined
      ? stored.result
      : {
          ...stored.result,
          details: { ...(stored.result.details ?? {}), escalation } as RbacStorageGuardDetails,
        },
  );
  return stored.response;
}

function userAgentOf(request: HttpRequest): string {
  for (const [name, value] of Object.entries(request.headers))
    if (name.toLowerCase() === 'user-agent') return value;
  return '';
}

/**
 * DeleteOptions may come in the DELETE body (kubectl sends them there) or the query; the handler
 * reads both (endpoints/handlers/delete.go). Copies the body's dryRun and gracePeriodSeconds into
 * `query` so admission and storage see them.
 */
function mergeDeleteOptions(request: HttpRequest, query: URLSearchParams): void {
  if (request.body === undefined || request.body === '') return;
  let options: unknown;
  try {
    options = JSON.parse(request.body);
  } catch {
    return;
  }
  if (typeof options !== 'object' || options === null) return;
  const { dryRun, gracePeriodSeconds } = options as { dryRun?: unknown; gracePeriodSeconds?: unknown };
  if (Array.isArray(dryRun) && dryRun.includes('All') && !query.getAll('dryRun').includes('All'))
    query.append('dryRun', 'All');
  if (typeof gracePeriodSeconds === 'number' && !query.has('gracePeriodSeconds')) {
    query.set('gracePeriodSeconds', String(gracePeriodSeconds));
  }
}
