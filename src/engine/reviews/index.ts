import { authorize } from '../authorization/chain';
import { type RulesReview, resolveRules } from '../authorization/rules-review';
import type { ResourceType } from '../resources';
import { badRequest, type FieldError, invalid, methodNotSupported } from '../responses/status';
import type {
  AuthorizationAttributes,
  AuthorizationDetails,
  HttpResponse,
  KubeObject,
  ObjectReader,
  ServerConfig,
  UserInfo,
} from '../types';

/**
 * The access review APIs: create-only resources whose REST storage answers from the authorizer
 * (or, for SelfSubjectReview, the authenticated user) and stores nothing.
 * Models pkg/registry/authorization/{selfsubjectaccessreview,subjectaccessreview,
 * localsubjectaccessreview,selfsubjectrulesreview}/rest.go and
 * pkg/registry/authentication/selfsubjectreview/rest.go.
 */

export const REVIEW_RESOURCES: Readonly<Record<string, string>> = {
  'authorization.k8s.io/selfsubjectaccessreviews': 'SelfSubjectAccessReview',
  'authorization.k8s.io/subjectaccessreviews': 'SubjectAccessReview',
  'authorization.k8s.io/localsubjectaccessreviews': 'LocalSubjectAccessReview',
  'authorization.k8s.io/selfsubjectrulesreviews': 'SelfSubjectRulesReview',
  'authentication.k8s.io/selfsubjectreviews': 'SelfSubjectReview',
};

export function isReviewResource(type: Pick<ResourceType, 'group' | 'resource'>): boolean {
  return Object.hasOwn(REVIEW_RESOURCES, `${type.group}/${type.resource}`);
}

export interface ReviewContext {
  readonly config: ServerConfig;
  readonly objects: ObjectReader;
  /** The request's namespace (from the URL). */
  readonly namespace: string;
  /** The request's verb: only `create` is served. */
  readonly verb: string;
  readonly now: Date;
}

/** What a review decided, for the trace: the authorizer's details when it was consulted. */
export interface ReviewOutcome {
  readonly response: HttpResponse;
  readonly authorization?: AuthorizationDetails;
  readonly rules?: RulesReview;
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** authorizationutil.ResourceAttributesFrom / NonResourceAttributesFrom. */
function attributesFrom(user: UserInfo, spec: Obj): AuthorizationAttributes {
  const resource = asObj(spec.resourceAttributes);
  if (resource !== undefined) {
    return {
      user,
      verb: str(resource.verb),
      isResourceRequest: true,
      apiGroup: str(resource.group),
      apiVersion: str(resource.version),
      namespace: str(resource.namespace),
      resource: str(resource.resource),
      subresource: str(resource.subresource),
      name: str(resource.name),
      path: '',
    };
  }
  const nonResource = asObj(spec.nonResourceAttributes) ?? {};
  return {
    user,
    verb: str(nonResource.verb),
    isResourceRequest: false,
    apiGroup: '',
    apiVersion: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
    path: str(nonResource.path),
  };
}

/** pkg/apis/authorization/validation ValidateSelfSubjectAccessReviewSpec (shared by the other kinds). */
function validateAttributesChoice(spec: Obj): FieldError[] {
  const hasResource = asObj(spec.resourceAttributes) !== undefined;
  const hasNonResource = asObj(spec.nonResourceAttributes) !== undefined;
  if (hasResource && hasNonResource) {
    return [
      {
        type: 'FieldValueInvalid',
        field: 'spec.nonResourceAttributes',
        body: `Invalid value: ${JSON.stringify(spec.nonResourceAttributes)}: cannot be specified in combination with resourceAttributes`,
      },
    ];
  }
  if (!hasResource && !hasNonResource) {
    return [
      {
        type: 'FieldValueInvalid',
        field: 'spec.resourceAttributes',
        body: 'Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
      },
    ];
  }
  return [];
}

/** The status an access review answers with (SubjectAccessReviewStatus; empty fields omitted). */
function accessStatus(details: AuthorizationDetails): Obj {
  return {
    allowed: details.decision === 'allow',
    ...(details.decision === 'deny' ? { denied: true } : {}),
    ...(details.reason === '' ? {} : { reason: details.reason }),
  };
}

function created(body: Obj): HttpResponse {
  return { status: 201, body };
}

function fail(status: { code: number }): HttpResponse {
  return { status: status.code, body: status };
}

/**
 * Answers a review create, or returns undefined when `type` is not a review resource.
 * The returned object echoes what was sent with `status` filled in (SelfSubjectRulesReview
 * returns only its status, as its REST storage builds a fresh object).
 */
export function serveReview(
  type: ResourceType,
  object: KubeObject | undefined,
  user: UserInfo,
  ctx: ReviewContext,
): ReviewOutcome | undefined {
  const kind = REVIEW_RESOURCES[`${type.group}/${type.resource}`];
  if (kind === undefined) return undefined;
  if (ctx.verb !== 'create') {
    // These resources register only POST; the simulator answers other verbs with 405.
    return { response: fail(methodNotSupported(type.group, type.resource, ctx.verb)) };
  }
  const review: Obj = { ...(object ?? {}) };
  const base: Obj = {
    kind,
    apiVersion: `${type.group}/${type.version}`,
    metadata: { ...(asObj(review.metadata) ?? {}), creationTimestamp: null },
  };
  const spec = asObj(review.spec) ?? {};
  const config = ctx.config.authorization;

  switch (kind) {
    case 'SelfSubjectReview': {
      // selfsubjectreview/rest.go: a fresh object stamped with the current time.
      const userInfo: Obj = {
        username: user.username,
        ...(user.uid === '' ? {} : { uid: user.uid }),
        ...(user.groups.length === 0 ? {} : { groups: [...user.groups] }),
        ...(Object.keys(user.extra).length === 0 ? {} : { extra: user.extra }),
      };
      const timestamp = ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        response: created({ ...base, metadata: { creationTimestamp: timestamp }, status: { userInfo } }),
      };
    }
    case 'SelfSubjectRulesReview': {
      const namespace = str(spec.namespace);
      if (namespace === '') return { response: fail(badRequest('no namespace on request')) };
      const rules = resolveRules(user, namespace, config, ctx.objects);
      return {
        rules,
        response: created({
          ...base,
          metadata: { creationTimestamp: null },
          spec: {},
          status: {
            resourceRules: rules.resourceRules,
            nonResourceRules: rules.nonResourceRules,
            incomplete: rules.incomplete,
            ...(rules.evaluationError === '' ? {} : { evaluationError: rules.evaluationError }),
          },
        }),
      };
    }
    case 'SelfSubjectAccessReview': {
      const errors = validateAttributesChoice(spec);
      if (errors.length > 0) return { response: fail(invalid(type.group, kind, '', errors)) };
      const details = authorize(attributesFrom(user, spec), config, ctx.objects);
      return { authorization: details, response: created({ ...base, spec, status: accessStatus(details) }) };
    }
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview': {
      const errors: FieldError[] = [];
      if (str(spec.user) === '' && !(Array.isArray(spec.groups) && spec.groups.length > 0)) {
        errors.push({
          type: 'FieldValueInvalid',
          field: 'spec.user',
          body: 'Invalid value: "": at least one of user or group must be specified',
        });
      }
      if (kind === 'LocalSubjectAccessReview' && asObj(spec.nonResourceAttributes) !== undefined) {
        errors.push({
          type: 'FieldValueInvalid',
          field: 'spec.nonResourceAttributes',
          body: `Invalid value: ${JSON.stringify(spec.nonResourceAttributes)}: disallowed on this kind of request`,
        });
      } else errors.push(...validateAttributesChoice(spec));
      if (errors.length > 0) return { response: fail(invalid(type.group, kind, '', errors)) };
      if (kind === 'LocalSubjectAccessReview') {
        // localsubjectaccessreview/rest.go: the namespace of the URL must be the one asked about.
        const asked = str(asObj(spec.resourceAttributes)?.namespace);
        if (asked !== ctx.namespace) {
          return {
            response: fail(
              badRequest(`spec.resourceAttributes.namespace must match namespace: ${ctx.namespace}`),
            ),
          };
        }
      }
      // subjectaccessreview/rest.go: the user is exactly what the spec says; no groups are added.
      const subject: UserInfo = {
        username: str(spec.user),
        uid: str(spec.uid),
        groups: Array.isArray(spec.groups)
          ? spec.groups.filter((g): g is string => typeof g === 'string')
          : [],
        extra: (asObj(spec.extra) ?? {}) as Record<string, string[]>,
      };
      const details = authorize(attributesFrom(subject, spec), config, ctx.objects);
      return { authorization: details, response: created({ ...base, spec, status: accessStatus(details) }) };
    }
  }
  return undefined;
}

/**
 * How kubectl prints a review's answer: `kubectl auth can-i` prints `yes` or
 * `no[ - <reason>][ - <evaluationError>]` (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go
 * RunAccessCheck); `kubectl auth whoami` a two-column ATTRIBUTE/VALUE table (whoami.go).
 * Undefined for other bodies. For the kubectl output renderer to call.
 */
export function renderReviewOutput(body: unknown): string | undefined {
  const review = asObj(body);
  const status = asObj(review?.status);
  if (review === undefined || status === undefined) return undefined;
  if (review.kind === 'SelfSubjectAccessReview') {
    if (status.allowed === true) return 'yes\n';
    let out = 'no';
    if (str(status.reason) !== '') out += ` - ${str(status.reason)}`;
    if (str(status.evaluationError) !== '') out += ` - ${str(status.evaluationError)}`;
    return `${out}\n`;
  }
  if (review.kind === 'SelfSubjectReview') {
    const info = asObj(status.userInfo) ?? {};
    const rows: [string, string][] = [
      ['ATTRIBUTE', 'VALUE'],
      ['Username', str(info.username)],
    ];
    if (str(info.uid) !== '') rows.push(['UID', str(info.uid)]);
    if (Array.isArray(info.groups) && info.groups.length > 0)
      rows.push(['Groups', `[${info.groups.join(' ')}]`]);
    for (const [key, values] of Object.entries(asObj(info.extra) ?? {})) {
      rows.push([`Extra: ${key}`, `[${(Array.isArray(values) ? values : []).join(' ')}]`]);
    }
    const width = Math.max(...rows.map(([a]) => a.length)) + 3;
    return `${rows.map(([a, b]) => `${a.padEnd(width)}${b}`).join('\n')}\n`;
  }
  return undefined;
}
