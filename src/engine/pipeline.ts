import { mutatingAdmissionStage, validatingAdmissionStage } from './admission';
import type { AdmissionAttributes } from './admission';
import { authenticate } from './authentication';
import { impersonate } from './authentication/impersonation';
import { presentCredential } from './authentication/credentials';
import { authorizationStage } from './authorization';
import { decodeStage } from './decoding';
import { engineMessage, type EngineMessageId } from './messages';
import { resolveRequestInfo } from './request-info';
import { resourceForPath, storageKey, type ResourceType } from './resources';
import { renderKubectlOutput } from './responses/kubectl-output';
import { pathNotFound } from './responses/status';
import { serveNonResource } from './non-resource';
import type { Etcd } from './storage/etcd';
import { storageStage } from './storage/registry';
import type {
  HttpRequest,
  HttpResponse,
  KubeObject,
  RequestInfo,
  ServerConfig,
  ServerEnv,
  StageName,
  StageResult,
  UserInfo,
  UserSpec,
} from './types';
import { STAGES } from './types';
import { applyDefaults } from './validation/defaults';
import { validationStage } from './validation';

/** What the pipeline runs against: one cluster's state and configuration. */
export interface PipelineContext {
  readonly config: ServerConfig;
  readonly etcd: Etcd;
  readonly env: ServerEnv;
}

/** Verbs that reach admission (staging/src/k8s.io/apiserver/pkg/admission/attributes.go operations). */
const OPERATION_OF_VERB: Readonly<Record<string, AdmissionAttributes['operation']>> = {
  create: 'CREATE',
  update: 'UPDATE',
  patch: 'UPDATE',
  delete: 'DELETE',
  deletecollection: 'DELETE',
};

function skipped(stage: StageName, id: EngineMessageId, values: Record<string, string | number> = {}): StageResult {
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
    kubectlOutput: renderKubectlOutput(request, requestInfo, response, ctx.env.now()),
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
      details: { attempts: details?.attempts ?? [], ...details, impersonation: { user, checks: impersonation.checks } },
    };
  }

  const authz = authorizationStage(user, requestInfo, ctx.config.authorization, ctx.etcd);
  stages.push(authz.result);
  if (authz.status !== undefined) return finish({ status: authz.status.code, body: authz.status });

  if (!requestInfo.isResourceRequest) {
    for (const stage of ['decoding', 'mutatingAdmission', 'schemaValidation', 'validatingAdmission'] as const) {
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
function runResourceHandler(
  ctx: PipelineContext,
  request: HttpRequest,
  info: RequestInfo,
  type: ResourceType,
  user: UserInfo,
  stages: StageResult[],
): HttpResponse {
  const operation = OPERATION_OF_VERB[info.verb];
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  const fail = (status: { code: number }) => ({ status: status.code, body: status });

  let object: KubeObject | undefined;
  if (operation === 'CREATE' || operation === 'UPDATE') {
    const decoded = decodeStage(request, info, type);
    stages.push(decoded.result);
    if (decoded.status !== undefined || decoded.object === undefined) {
      return decoded.status === undefined ? { status: 400, body: undefined } : fail(decoded.status);
    }
    object = applyDefaults(type, decoded.object);
  } else {
    stages.push(skipped('decoding', 'decoding.noBody'));
  }

  if (operation === undefined) {
    stages.push(skipped('mutatingAdmission', 'admission.readSkip', { verb: info.verb }));
    stages.push(skipped('schemaValidation', 'admission.readSkip', { verb: info.verb }));
    stages.push(skipped('validatingAdmission', 'admission.readSkip', { verb: info.verb }));
  } else {
    const oldObject =
      operation === 'CREATE' || info.name === '' ? undefined : ctx.etcd.get(storageKey(type, info.namespace, info.name));
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
    const mutated = mutatingAdmissionStage(attrs, plugins, ctx.etcd, ctx.env);
    stages.push(mutated.result);
    if (mutated.status !== undefined) return fail(mutated.status);
    object = mutated.object ?? object;

    if (object !== undefined && (operation === 'CREATE' || operation === 'UPDATE')) {
      const validated = validationStage(info, type, object, operation);
      stages.push(validated.result);
      if (validated.status !== undefined) return fail(validated.status);
    } else {
      stages.push(skipped('schemaValidation', 'validation.notApplicable'));
    }

    const admitted = validatingAdmissionStage(
      { ...attrs, ...(object === undefined ? {} : { object }) },
      plugins,
      ctx.etcd,
    );
    stages.push(admitted.result);
    if (admitted.status !== undefined) return fail(admitted.status);
  }

  const stored = storageStage(info, type, object, ctx.etcd, ctx.env, query);
  stages.push(stored.result);
  return stored.response;
}
