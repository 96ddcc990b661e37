import type { AdmissionPluginName } from '../types';

/**
 * kube-apiserver runs enabled plugins in one fixed order, whatever order `--enable-admission-plugins`
 * lists them in (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins). The chain runs every
 * plugin's Admit (mutating phase), then, after object validation, every plugin's Validate.
 */
export const ORDERED_PLUGINS: readonly AdmissionPluginName[] = [
  'AlwaysAdmit',
  'NamespaceAutoProvision',
  'NamespaceLifecycle',
  'NamespaceExists',
  'LimitPodHardAntiAffinityTopology',
  'LimitRanger',
  'ServiceAccount',
  'NodeRestriction',
  'TaintNodesByCondition',
  'AlwaysPullImages',
  'ImagePolicyWebhook',
  'PodSecurity',
  'PodNodeSelector',
  'Priority',
  'DefaultTolerationSeconds',
  'PodTolerationRestriction',
  'EventRateLimit',
  'ExtendedResourceToleration',
  'DefaultStorageClass',
  'StorageObjectInUseProtection',
  'PodGroupProtection',
  'OwnerReferencesPermissionEnforcement',
  'PersistentVolumeClaimResize',
  'RuntimeClass',
  'CertificateApproval',
  'CertificateSigning',
  'ClusterTrustBundleAttest',
  'CertificateSubjectRestriction',
  'DefaultIngressClass',
  'DenyServiceExternalIPs',
  'PodTopologyLabels',
  'PodGroupWorkloadExists',
  'NodeDeclaredFeatureValidator',
  'JobValidation',
  'PodResizeValidator',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionWebhook',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionWebhook',
  'ResourceQuota',
  'AlwaysDeny',
];

/**
 * The plugins kube-apiserver leaves off unless `--enable-admission-plugins` names them
 * (pkg/kubeapiserver/options/plugins.go DefaultOffAdmissionPlugins).
 */
const DEFAULT_OFF_PLUGINS: ReadonlySet<AdmissionPluginName> = new Set<AdmissionPluginName>([
  'AlwaysAdmit',
  'NamespaceAutoProvision',
  'NamespaceExists',
  'LimitPodHardAntiAffinityTopology',
  'NodeRestriction',
  'AlwaysPullImages',
  'ImagePolicyWebhook',
  'PodNodeSelector',
  'PodTolerationRestriction',
  'EventRateLimit',
  'ExtendedResourceToleration',
  'OwnerReferencesPermissionEnforcement',
  'DenyServiceExternalIPs',
  'AlwaysDeny',
]);

/**
 * kube-apiserver's default-enabled admission plugins: every plugin DefaultOffAdmissionPlugins does
 * not turn off, in AllOrderedPlugins order. Several only act behind feature gates
 * (MutatingAdmissionPolicy, PodTopologyLabels, …); the simulator treats the gates of the admission
 * policies as on.
 */
export const DEFAULT_ADMISSION_PLUGINS: readonly AdmissionPluginName[] = ORDERED_PLUGINS.filter(
  (name) => !DEFAULT_OFF_PLUGINS.has(name),
);
