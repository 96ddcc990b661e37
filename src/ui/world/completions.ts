import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { RESOURCES } from '../../engine';

/** Kinds and apiVersions the simulated server serves (the engine's resource table). */
const KINDS = [...new Set(RESOURCES.map((r) => r.kind))].sort();
const API_VERSIONS = [
  ...new Set(RESOURCES.map((r) => (r.group === '' ? r.version : `${r.group}/${r.version}`))),
].sort();

/** Field names learners type most in manifests, RBAC and the scenario's own sections. */
const FIELDS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'annotations',
  'spec',
  'data',
  'rules',
  'apiGroups',
  'resources',
  'verbs',
  'resourceNames',
  'nonResourceURLs',
  'subjects',
  'roleRef',
  'containers',
  'image',
  'ports',
  'containerPort',
  'command',
  'args',
  'env',
  'resources',
  'limits',
  'requests',
  'replicas',
  'selector',
  'matchLabels',
  'template',
  'serviceAccountName',
  'credential',
  'type',
  'token',
  'commonName',
  'organizations',
  'description',
  'groups',
  'user',
  'uid',
  'authentication',
  'authorization',
  'admission',
  'anonymous',
  'x509',
  'tokenFile',
  'serviceAccountTokens',
  'modes',
  'plugins',
  'id',
  'title',
  'files',
  'expect',
  'status',
];
const VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'impersonate',
  'bind',
  'escalate',
  '*',
];

/**
 * Completes `kind:` with the served kinds, `apiVersion:` with the served versions, list items
 * under `verbs:` with RBAC verbs, and field names at the start of a line.
 */
export function yamlCompletions(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  const value = /^\s*(-\s+)?(kind|apiVersion|type):\s*(\S*)$/.exec(before);
  if (value !== null) {
    const word = value[3] ?? '';
    const options =
      value[2] === 'kind'
        ? [...KINDS, 'Scenario']
        : value[2] === 'apiVersion'
          ? API_VERSIONS
          : ['token', 'x509', 'serviceAccount', 'anonymous', 'bootstrapToken', 'oidc', 'proxy', 'basic'];
    return {
      from: context.pos - word.length,
      options: options.map((label) => ({ label, type: 'constant' })),
    };
  }
  if (
    /verbs:\s*\[[^\]]*$/.test(before) ||
    (/^\s*-\s*\w*$/.test(before) && /verbs:/.test(context.state.doc.lineAt(Math.max(0, line.from - 1)).text))
  ) {
    const word = /(\w*)$/.exec(before)?.[1] ?? '';
    return { from: context.pos - word.length, options: VERBS.map((label) => ({ label, type: 'keyword' })) };
  }
  const key = /^(\s*(?:-\s+)?)(\w*)$/.exec(before);
  if (key !== null && (context.explicit || (key[2] ?? '').length > 0)) {
    const word = key[2] ?? '';
    return {
      from: context.pos - word.length,
      options: [...new Set(FIELDS)].map((label) => ({ label, type: 'property', apply: `${label}: ` })),
    };
  }
  return null;
}
