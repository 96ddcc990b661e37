import { findResource, storageKey } from '../../resources';
import type { AuthorizationAttributes, KubeObject, ObjectReader, UserInfo } from '../../types';
import { SYSTEM_NODE_RULES } from '../rbac/bootstrap-policy';
import { ruleAllows } from '../rbac/evaluation';

/** user.NodesGroup and the node user name prefix (pkg/auth/nodeidentifier/default.go). */
export const NODES_GROUP = 'system:nodes';
export const NODE_USER_PREFIX = 'system:node:';

export interface NodeVerdict {
  readonly decision: 'allow' | 'noOpinion';
  readonly reason: string;
}

/**
 * nodeidentifier.NodeIdentity: a user named `system:node:<name>` in the `system:nodes` group is
 * node `<name>`; anything else is not a node.
 */
export function nodeIdentity(user: UserInfo): { nodeName: string } | undefined {
  const { username, groups } = user;
  if (!username.startsWith(NODE_USER_PREFIX) || !groups.includes(NODES_GROUP)) return undefined;
  return { nodeName: username.slice(NODE_USER_PREFIX.length) };
}

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(asObj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

type VertexType = 'secret' | 'configmap' | 'pvc' | 'pv' | 'serviceaccount';

/** What a pod references, by type (pkg/api/v1/pod/util.go VisitPodSecretNames / VisitPodConfigmapNames). */
function podReferences(pod: KubeObject): Record<VertexType, Set<string>> {
  const refs: Record<VertexType, Set<string>> = {
    secret: new Set(),
    configmap: new Set(),
    pvc: new Set(),
    pv: new Set(),
    serviceaccount: new Set(),
  };
  const spec = asObj(pod.spec);
  const add = (type: VertexType, name: string) => {
    if (name !== '') refs[type].add(name);
  };
  for (const s of asList(spec.imagePullSecrets)) add('secret', str(s.name));
  add('serviceaccount', str(spec.serviceAccountName) || 'default');
  const containers = [
    ...asList(spec.containers),
    ...asList(spec.initContainers),
    ...asList(spec.ephemeralContainers),
  ];
  for (const c of containers) {
    for (const from of asList(c.envFrom)) {
      add('secret', str(asObj(from.secretRef).name));
      add('configmap', str(asObj(from.configMapRef).name));
    }
    for (const env of asList(c.env)) {
      const valueFrom = asObj(env.valueFrom);
      add('secret', str(asObj(valueFrom.secretKeyRef).name));
      add('configmap', str(asObj(valueFrom.configMapKeyRef).name));
    }
  }
  for (const volume of asList(spec.volumes)) {
    add('secret', str(asObj(volume.secret).secretName));
    add('configmap', str(asObj(volume.configMap).name));
    add('pvc', str(asObj(volume.persistentVolumeClaim).claimName));
    for (const source of asList(asObj(volume.projected).sources)) {
      add('secret', str(asObj(source.secret).name));
      add('configmap', str(asObj(source.configMap).name));
    }
  }
  return refs;
}

function resourceKey(resource: string, namespace: string, name: string): string {
  const type = findResource(resource);
  if (type === undefined) throw new Error(`${resource} is missing from RESOURCES`);
  return storageKey(type, namespace, name);
}

/** A pod bound to a node, as the graph sees it: where it lives and what it references. */
interface BoundPod {
  readonly namespace: string;
  readonly refs: Record<VertexType, Set<string>>;
}

/** `/registry/pods/`: every pod in every namespace. */
const POD_PREFIX = resourceKey('pods', '', '');
const GRAPH_CACHE = new WeakMap<object, { version: number; podsByNode: Map<string, BoundPod[]> }>();

/**
 * Pods by the node they are bound to, rebuilt only when a pod changed (for readers that expose
 * `prefixRevision`, the simulated etcd), as graph.go's informer-fed graph changes only on pod events.
 */
function podsByNode(objects: ObjectReader): Map<string, BoundPod[]> {
  const prefixRevision = (objects as Partial<{ prefixRevision(prefix: string): number }>).prefixRevision;
  const version = typeof prefixRevision === 'function' ? prefixRevision.call(objects, POD_PREFIX) : undefined;
  const cached = GRAPH_CACHE.get(objects);
  if (version !== undefined && cached !== undefined && cached.version === version) return cached.podsByNode;
  const byNode = new Map<string, BoundPod[]>();
  for (const pod of objects.list(POD_PREFIX)) {
    const nodeName = str(asObj(pod.spec).nodeName);
    if (nodeName === '') continue;
    const bound = { namespace: pod.metadata?.namespace ?? '', refs: podReferences(pod) };
    const list = byNode.get(nodeName);
    if (list === undefined) byNode.set(nodeName, [bound]);
    else list.push(bound);
  }
  if (version !== undefined) GRAPH_CACHE.set(objects, { version, podsByNode: byNode });
  return byNode;
}

/**
 * graph.go hasPathFrom, simplified: the simulator derives the relevant edges from storage
 * (cached until a pod changes) instead of keeping plugin/pkg/auth/authorizer/node/graph.go's
 * informer-fed graph. Edges modelled: node ← pod (spec.nodeName); pod ← secret, configmap, pvc,
 * serviceaccount (what the pod references); pod ← pvc ← pv (spec.volumeName). Not modelled:
 * pv ← secret, resource claims, volume attachments, the node's own configmap source.
 */
function hasPathFrom(
  nodeName: string,
  type: VertexType,
  namespace: string,
  name: string,
  objects: ObjectReader,
): boolean {
  const boundPods = podsByNode(objects).get(nodeName) ?? [];
  if (type === 'pv') {
    // PVCs are read on each call, so a PVC bound to a volume later is seen without a pod change.
    return boundPods.some((pod) =>
      [...pod.refs.pvc].some((claim) => {
        const pvc = objects.get(resourceKey('persistentvolumeclaims', pod.namespace, claim));
        return str(asObj(pvc?.spec).volumeName) === name;
      }),
    );
  }
  return boundPods.some((pod) => pod.namespace === namespace && pod.refs[type].has(name));
}

function authorizeByGraph(
  nodeName: string,
  type: VertexType,
  attrs: AuthorizationAttributes,
  objects: ObjectReader,
): NodeVerdict {
  if (attrs.name === '') return { decision: 'noOpinion', reason: 'No Object name found' };
  return hasPathFrom(nodeName, type, attrs.namespace, attrs.name, objects)
    ? { decision: 'allow', reason: `node "${nodeName}" runs a pod that uses this object` }
    : { decision: 'noOpinion', reason: `no relationship found between node '${nodeName}' and this object` };
}

/**
 * The Node authorizer (`--authorization-mode=Node`), for kubelets.
 *
 * Models plugin/pkg/auth/authorizer/node/node_authorizer.go `Authorize` as in v1.31, where the
 * AuthorizeNodeWithSelectors gate is off: non-nodes get no opinion; secrets and configmaps may
 * be read (get, list, watch of one name), persistent volume claims and volumes fetched with get,
 * and service account tokens created, only when related to the node through a pod bound to it;
 * every other request (its Node object, pods, events…) is checked against the static
 * `system:node` rules (bootstrappolicy NodeRules()). Leases, CSINodes and resource slices,
 * which the simulator does not serve, are not modelled. Upstream's reason for an allow is empty.
 */
export function authorizeNode(attrs: AuthorizationAttributes, objects: ObjectReader): NodeVerdict {
  const identity = nodeIdentity(attrs.user);
  if (identity === undefined) return { decision: 'noOpinion', reason: '' };
  const { nodeName } = identity;
  if (nodeName === '') {
    return { decision: 'noOpinion', reason: `unknown node for user ${JSON.stringify(attrs.user.username)}` };
  }
  if (attrs.isResourceRequest && attrs.apiGroup === '') {
    switch (attrs.resource) {
      case 'secrets':
      case 'configmaps': {
        if (!['get', 'list', 'watch'].includes(attrs.verb)) {
          return { decision: 'noOpinion', reason: 'can only read resources of this type' };
        }
        if (attrs.subresource !== '') return { decision: 'noOpinion', reason: 'cannot read subresource' };
        if (attrs.namespace === '') {
          return { decision: 'noOpinion', reason: 'can only read namespaced object of this type' };
        }
        return authorizeByGraph(
          nodeName,
          attrs.resource === 'secrets' ? 'secret' : 'configmap',
          attrs,
          objects,
        );
      }
      case 'persistentvolumeclaims':
      case 'persistentvolumes': {
        const type = attrs.resource === 'persistentvolumes' ? 'pv' : 'pvc';
        if (type === 'pvc' && attrs.subresource === 'status') {
          if (!['update', 'patch'].includes(attrs.verb)) {
            return { decision: 'noOpinion', reason: 'can only get/update/patch this type' };
          }
          return authorizeByGraph(nodeName, type, attrs, objects);
        }
        if (attrs.verb !== 'get') {
          return { decision: 'noOpinion', reason: 'can only get individual resources of this type' };
        }
        if (attrs.subresource !== '') return { decision: 'noOpinion', reason: 'cannot get subresource' };
        return authorizeByGraph(nodeName, type, attrs, objects);
      }
      case 'serviceaccounts': {
        if (attrs.verb !== 'create' || attrs.name === '') {
          return { decision: 'noOpinion', reason: 'can only create tokens for individual service accounts' };
        }
        if (attrs.subresource !== 'token') {
          return { decision: 'noOpinion', reason: 'can only create token subresource of serviceaccount' };
        }
        return authorizeByGraph(nodeName, 'serviceaccount', attrs, objects);
      }
    }
  }
  if (SYSTEM_NODE_RULES.some((rule) => ruleAllows(attrs, rule))) {
    return {
      decision: 'allow',
      reason: `the static rules every node has (ClusterRole system:node's rules) allow it`,
    };
  }
  return { decision: 'noOpinion', reason: '' };
}
