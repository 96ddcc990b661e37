import type { LessonLanguage } from './format';

/**
 * What the lesson index shows before any lesson file is loaded: every built-in lesson's id, its
 * place in the course, its title in each language and its number of steps. Each lesson's YAML
 * is fetched only when opened (registry.ts); tests/unit/lessons/index.test.ts fails when an
 * entry here and its file disagree, or when a file has no entry.
 */
export interface LessonIndexEntry {
  readonly id: string;
  /** `spec.lesson.order`. */
  readonly order: number;
  /** `metadata.title` and its translations. */
  readonly title: Readonly<Record<LessonLanguage, string>>;
  /** `spec.lesson.steps.length`. */
  readonly steps: number;
}

/** Add a lesson here when adding its file under src/scenarios/lessons/ (any order: sorted below). */
const ENTRIES: readonly LessonIndexEntry[] = [
  {
    id: 'kubectl-to-http',
    order: 10,
    title: { en: 'What kubectl get pods sends', 'zh-CN': 'kubectl get pods 发出了什么' },
    steps: 6,
  },
  {
    id: 'api-groups-and-scope',
    order: 20,
    title: { en: 'API groups, versions and scope', 'zh-CN': 'API 组、版本与作用域' },
    steps: 5,
  },
  {
    id: 'authentication',
    order: 30,
    title: {
      en: 'Authentication: certificate, token, service account',
      'zh-CN': '认证：证书、令牌、服务账号',
    },
    steps: 5,
  },
  {
    id: 'anonymous-access',
    order: 35,
    title: { en: 'Anonymous access', 'zh-CN': '匿名访问' },
    steps: 5,
  },
  {
    id: 'rbac-basics',
    order: 45,
    title: {
      en: 'RBAC: a Role does nothing without a binding',
      'zh-CN': 'RBAC：没有绑定的 Role 什么也不授予',
    },
    steps: 4,
  },
  {
    id: 'role-scope',
    order: 50,
    title: {
      en: 'Role vs ClusterRole, RoleBinding vs ClusterRoleBinding',
      'zh-CN': 'Role 与 ClusterRole，RoleBinding 与 ClusterRoleBinding',
    },
    steps: 5,
  },
  {
    id: 'resource-names-and-subresources',
    order: 55,
    title: { en: 'resourceNames and subresources', 'zh-CN': 'resourceNames 与子资源' },
    steps: 5,
  },
  {
    id: 'impersonation',
    order: 60,
    title: { en: 'Impersonation: acting as another user', 'zh-CN': '身份模拟：以另一个用户的身份行事' },
    steps: 5,
  },
  {
    id: 'reads-and-namespace-lifecycle',
    order: 70,
    title: {
      en: 'Reads skip admission; NamespaceLifecycle guards writes',
      'zh-CN': '读请求跳过准入；NamespaceLifecycle 守护写请求',
    },
    steps: 6,
  },
  {
    id: 'serviceaccount-and-limitranger',
    order: 80,
    title: {
      en: 'Mutations: ServiceAccount and LimitRanger',
      'zh-CN': '变更：ServiceAccount 与 LimitRanger',
    },
    steps: 5,
  },
  {
    id: 'schema-and-strict-fields',
    order: 85,
    title: { en: 'Schema errors and strict field validation', 'zh-CN': '模式错误与严格字段校验' },
    steps: 5,
  },
  {
    id: 'resource-quota',
    order: 90,
    title: { en: 'ResourceQuota: a budget per namespace', 'zh-CN': 'ResourceQuota：每个命名空间的预算' },
    steps: 5,
  },
  {
    id: 'admission-basics',
    order: 95,
    title: { en: 'Admission: defaults in, latest out', 'zh-CN': '准入：补上默认值，拒绝 latest' },
    steps: 4,
  },
  {
    id: 'pod-security',
    order: 100,
    title: { en: 'Pod Security: the restricted profile', 'zh-CN': 'Pod Security：restricted 配置' },
    steps: 5,
  },
  {
    id: 'validating-admission-policy',
    order: 105,
    title: {
      en: 'ValidatingAdmissionPolicy: rules in CEL',
      'zh-CN': 'ValidatingAdmissionPolicy：用 CEL 写规则',
    },
    steps: 4,
  },
  {
    id: 'admission-webhook',
    order: 110,
    title: { en: 'Admission webhooks and failurePolicy', 'zh-CN': '准入 Webhook 与 failurePolicy' },
    steps: 4,
  },
  {
    id: 'optimistic-concurrency',
    order: 120,
    title: { en: 'Optimistic concurrency: the 409 Conflict', 'zh-CN': '乐观并发：409 Conflict' },
    steps: 4,
  },
  {
    id: 'etcd-and-watch',
    order: 130,
    title: { en: 'What lands in etcd, and what a watch sees', 'zh-CN': 'etcd 里存了什么，watch 看到了什么' },
    steps: 6,
  },
];

/** The course, in order (ties by id). */
export const LESSON_INDEX: readonly LessonIndexEntry[] = [...ENTRIES].sort(
  (a, b) => a.order - b.order || a.id.localeCompare(b.id),
);

export function lessonIndexEntry(id: string): LessonIndexEntry | undefined {
  return LESSON_INDEX.find((e) => e.id === id);
}
