import { engineMessage } from '../messages';
import { apiVersionOf, type ResourceType } from '../resources';
import { type FieldError, invalid } from '../responses/status';
import type {
  KubeObject,
  ObjectMeta,
  RequestInfo,
  SchemaProvider,
  StageResult,
  Status,
  ValidationDetails,
} from '../types';
import { validateDaemonSetSpec } from './apps/daemonset';
import { validateDeploymentSpec } from './apps/deployment';
import { validateReplicaSetSpec } from './apps/replicaset';
import { validateStatefulSetSpec } from './apps/statefulset';
import { validateJobSpec } from './batch/job';
import { forbiddenField, invalidValue, notSupported, required } from './field';
import { validateLabels } from './labels';
import {
  isQualifiedName,
  isValidPortNum,
  type NameValidator,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
} from './names';
import { validatePodSpec } from './pod';
import { validateUpdate } from './update';

export { applyDefaults } from './defaults';

/**
 * Object validation, the strategies' Validate: ObjectMeta for every kind
 * (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go) and the kind's own rules
 * (pkg/apis/core/validation/validation.go, pkg/apis/apps/validation/validation.go).
 */

type Obj = Record<string, unknown>;

function asObject(value: unknown): Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : {};
}

/** rbac ValidateRBACName = path.IsValidPathSegmentName. */
const pathSegmentName: NameValidator = (name, prefix) => {
  if (!prefix && (name === '.' || name === '..')) return [`may not be '${name}'`];
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
};

/** Which name rule each kind uses (ValidatePodName, ValidateNamespaceName, ValidateServiceName, …). */
function nameValidatorFor(type: ResourceType): NameValidator {
  if (type.group === '' && type.kind === 'Namespace') return nameIsDNSLabel;
  if (type.group === '' && type.kind === 'Service') return nameIsDNS1035Label;
  if (type.group === 'rbac.authorization.k8s.io') return pathSegmentName;
  return nameIsDNSSubdomain;
}

/** TotalAnnotationSizeLimitB: 256 KiB. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

function validateAnnotations(annotations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(asObject(annotations))) {
    errs.push(...isQualifiedName(key.toLowerCase()).map((m) => invalidValue(path, key, m)));
    total += new TextEncoder().encode(key).length + new TextEncoder().encode(String(value)).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) {
    errs.push({
      type: 'FieldValueTooLong',
      field: path,
      body: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes`,
    });
  }
  return errs;
}

/** ValidateObjectMetaAccessor. */
export function validateObjectMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  nameFn: NameValidator,
): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = meta.generateName ?? '';
  const name = meta.name ?? '';
  if (generateName !== '') {
    errs.push(
      ...nameFn(generateName, true).map((m) => invalidValue('metadata.generateName', generateName, m)),
    );
  }
  // The real server has already turned generateName into a name (rest.BeforeCreate) by now;
  // here the name is generated at storage, so a generateName stands in for it.
  if (name === '') {
    if (generateName === '') errs.push(required('metadata.name', 'name or generateName is required'));
  } else errs.push(...nameFn(name, false).map((m) => invalidValue('metadata.name', name, m)));
  const namespace = meta.namespace ?? '';
  if (namespaced) {
    if (namespace === '') errs.push(required('metadata.namespace', ''));
    else
      errs.push(
        ...nameIsDNSLabel(namespace, false).map((m) => invalidValue('metadata.namespace', namespace, m)),
      );
  } else if (namespace !== '') errs.push(forbiddenField('metadata.namespace', 'not allowed on this type'));
  errs.push(...validateLabels(meta.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return errs;
}

/** ValidateService, the common part. */
function validateServiceSpec(specValue: unknown): FieldError[] {
  const spec = asObject(specValue);
  const errs: FieldError[] = [];
  const ports = Array.isArray(spec.ports) ? spec.ports.map(asObject) : [];
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  if (ports.length === 0 && spec.clusterIP !== 'None' && type !== 'ExternalName')
    errs.push(required('spec.ports', ''));
  ports.forEach((port, i) => {
    const value = port.port;
    errs.push(
      ...isValidPortNum(typeof value === 'number' ? value : Number.NaN).map((m) =>
        invalidValue(`spec.ports[${i}].port`, value ?? 0, m),
      ),
    );
  });
  const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
  if (!types.includes(type)) errs.push(notSupported('spec.type', type, types));
  return errs;
}

function kindErrors(type: ResourceType, object: KubeObject, operation: 'CREATE' | 'UPDATE'): FieldError[] {
  const key = `${type.group}/${type.kind}`;
  if (key === '/Pod') return validatePodSpec(object.spec, 'spec');
  if (key === '/Service') return validateServiceSpec(object.spec);
  if (key === 'apps/Deployment') return validateDeploymentSpec(object.spec);
  if (key === 'apps/ReplicaSet') return validateReplicaSetSpec(object.spec);
  if (key === 'apps/StatefulSet') return validateStatefulSetSpec(object.spec);
  if (key === 'apps/DaemonSet') return validateDaemonSetSpec(object.spec);
  if (key === 'batch/Job') return validateJobSpec(object, operation);
  return [];
}

/**
 * Validates a create or update: every field error is collected, then reported together as one
 * 422 Invalid (errors.NewInvalid).
 */
export interface ValidationOptions {
  /** The OpenAPI schemas, once loaded: adds their `required` fields to the checks. */
  readonly schemas?: SchemaProvider | undefined;
  /** The stored object, on update: immutable fields are compared with it. */
  readonly oldObject?: KubeObject;
}

/**
 * Validates a create or update: every field error is collected, then reported together as one
 * 422 Invalid (errors.NewInvalid). Fields the schema marks required and no modelled rule
 * already reported come from the OpenAPI schemas when they are loaded.
 */
export function validationStage(
  _info: RequestInfo,
  type: ResourceType,
  object: KubeObject,
  operation: 'CREATE' | 'UPDATE',
  options: ValidationOptions = {},
): { result: StageResult<ValidationDetails>; status?: Status } {
  const meta = object.metadata ?? {};
  const errs = [
    ...validateObjectMeta(meta, type.namespaced, nameValidatorFor(type)),
    ...kindErrors(type, object, operation),
    ...(operation === 'UPDATE' && options.oldObject !== undefined
      ? validateUpdate(type, object, options.oldObject)
      : []),
  ];
  const check = options.schemas?.check(apiVersionOf(type), type.kind, object);
  const schemaChecked = check !== undefined;
  for (const field of check?.missingRequired ?? []) {
    if (!errs.some((e) => e.field === field)) errs.push(required(field, ''));
  }
  if (errs.length === 0) {
    return {
      result: {
        stage: 'schemaValidation',
        outcome: 'passed',
        ...engineMessage(schemaChecked ? 'validation.passed' : 'validation.passedWithoutSchema', {
          kind: type.kind,
        }),
        details: { causes: [], schemaChecked },
      },
    };
  }
  const status = invalid(type.group, type.kind, meta.name ?? '', errs);
  return {
    result: {
      stage: 'schemaValidation',
      outcome: 'failed',
      ...engineMessage('validation.failed', { count: errs.length }),
      details: { causes: status.details?.causes ?? [], schemaChecked },
    },
    status,
  };
}
