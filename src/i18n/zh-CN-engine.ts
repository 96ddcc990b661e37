import type { EngineMessageId } from '../engine';

/**
 * The engine's explanation templates in Simplified Chinese, one per EngineMessageId (a missing or
 * extra id is a type error). The values filled in (`{reason}`, `{key}`, `{verb}`…) are the
 * server's own words and stay English, as a real kube-apiserver writes them.
 */
export const ENGINE_MESSAGES_ZH_CN = {
  'authn.authenticated': '由 {authenticator} 认证器认证为 "{username}"。',
  'authn.rejected': '{authenticator} 认证器识别出凭据并拒绝了它：{reason}',
  'authn.impersonating': '认证为 "{requestor}"，其有权扮演其他身份：请求现在以 "{username}" 的身份运行。',
  'authz.impersonationRefused': '"{requestor}" 不能扮演 {target}：{reason}',
  'authn.anonymousDisabled': '没有认证器识别出此请求，且匿名访问已禁用。',
  'authz.escalationForbidden': 'RBAC 存储拒绝了这次写入：{reason}',
  'authz.escalationAllowed': '提权检查通过（{why}）；写入继续进行到 etcd。',
  'review.answered': '{kind} 由鉴权器回答，从不存储：没有向 etcd 写入任何内容。',
  'review.validatedByStorage': '{kind} 由它自己的 REST 存储检查，而不是由对象校验检查。',
  'authz.allowed': '{authorizer} 允许对 {target} 执行 {verb}：{reason}',
  'authz.denied': '{authorizer} 拒绝对 {target} 执行 {verb}：{reason}',
  'authz.noOpinion': '没有鉴权器允许对 {target} 执行 {verb}，因此请求被禁止。',
  'authz.skippedAfterAuthn': '未到达：请求未通过认证。',
  'authz.noOpinionWithReason':
    '没有鉴权器允许对 {target} 执行 {verb}，因此请求被禁止。鉴权器的回答：{reason}',
  'decoding.decoded': '已将 {contentType} 请求体解码为 {kind} "{name}"。',
  'decoding.failed': '请求体无法解码：{reason}',
  'decoding.noBody': '此请求没有需要解码的请求体。',
  'decoding.decodedWithoutSchema':
    '已将 {contentType} 请求体解码为 {kind} "{name}"。未检查未知字段和 JSON 类型：OpenAPI schema 仍在加载。',
  'decoding.decodedStrictErrors':
    '已将 {contentType} 请求体解码为 {kind} "{name}"；发现 {count} 个未知或重复的字段，按 fieldValidation={fieldValidation} 处理。',
  'admission.mutatedReinvoked':
    '{count} 个步骤修改了对象：{plugins}。有 webhook 或策略修改了它，因此内置插件和 IfNeeded 钩子又运行了一次。',
  'admission.rejectedWebhook': 'Admission webhook {plugin} 拒绝了请求：{reason}',
  'admission.rejectedPolicy': '{plugin} 拒绝了请求：{reason}',
  'admission.admittedWithWarnings': '所有 validating 步骤都准许了请求，并带有 {count} 条警告。',
  'admission.celNotLoaded': '{count} 个 admission 策略未被求值：CEL 解释器仍在加载。',
  'validation.passedWithoutSchema':
    '{kind} 通过了已模拟的检查。OpenAPI schema 检查（必填字段）未运行：schema 仍在加载。',
  'admission.readSkip': 'Admission 只对 create、update、patch、delete 和 connect 运行；{verb} 是读操作。',
  'admission.mutated': '{count} 个插件修改了对象：{plugins}。',
  'admission.unchanged': 'Mutating 插件已运行，没有修改任何内容。',
  'admission.rejected': '{plugin} 拒绝了请求：{reason}',
  'admission.admitted': '所有 validating 插件都准许了请求。',
  'validation.passed': '{kind} 有效。',
  'validation.failed': '{count} 个字段未通过校验。',
  'validation.notApplicable': '对象校验只在 create 和 update 时运行。',
  'storage.created': '已在 revision {revision} 写入 {key}。',
  'storage.read': '已在 revision {revision} 读取 {key}。',
  'storage.listed': '已在 revision {revision} 列出 {key} 下的 {count} 个对象。',
  'storage.deleted': '已在 revision {revision} 删除 {key}。',
  'storage.updated': '已在 revision {revision} 更新 {key}。',
  'storage.failed': '存储拒绝了此操作：{reason}',
  'storage.dryRun':
    'Dry run：对 {key} 的 {operation} 通过了所有检查，但没有写入任何内容（etcd 仍在 revision {revision}）。',
  'storage.unchanged': '这次更新没有改变任何内容，因此没有写入；{key} 仍在 revision {revision}。',
  'storage.deletionPending':
    '已在 revision {revision} 将 {key} 标记为删除：它会保留到其 kubelet 或 finalizer 完成（未模拟）。',
  'storage.notSimulated': '{verb} verb 尚未模拟：没有从 etcd 读取或向 etcd 写入任何内容。',
  'decoding.patchNotSimulated': 'PATCH 请求体（{contentType}）尚未模拟。',
  'admission.noPlugins': '没有启用任何 admission 插件，因此没有任何修改。',
  'admission.nothingToValidate': '没有已启用的插件校验此请求，因此请求被准许。',
  'decoding.patched':
    '已将 {patchType} patch 应用于存储中的 {kind} "{name}"（resourceVersion {resourceVersion}）；结果作为 update 继续处理。',
  'decoding.applyCreates':
    'Server-side apply 未找到 {kind} "{name}"，因此应用的配置成为一个新对象（create）。',
  'decoding.patchFailed': '{patchType} patch 无法应用：{reason}',
  'decoding.subresource': '{subresource} 子资源接受 {kind} 请求体：{detail}',
  'admission.subresourceSimplified':
    '{subresource} 子资源的 admission 未模拟：这里已启用的插件（NamespaceLifecycle、ServiceAccount）只作用于主资源。',
  'storage.watched':
    '从 revision {since} 起 watch {key}：到 revision {revision} 为止共 {count} 个事件。模拟器会立即关闭 watch；订阅 store 可获得实时事件。',
  'storage.deletedCollection': '已删除 {key} 下的 {count} 个对象；etcd 现在位于 revision {revision}。',
  'storage.namespaceTerminating':
    'Namespace "{name}" 现在处于 Terminating 状态（已设置 deletionTimestamp，revision {revision}）。其中的内容和该 namespace 会在 namespace 控制器运行时删除（cluster.runNamespaceController()）。',
  'storage.scaleRead': '已在 revision {revision} 读取 {key}，并以 autoscaling/v1 Scale 返回其 replicas。',
  'storage.scaled': '已在 revision {revision} 将 {key} 的 spec.replicas 设为 {replicas}。',
  'storage.statusUpdated':
    '已在 revision {revision} 只更新 {key} 的 status（在 /status 上对 spec 的修改会被忽略）。',
  'storage.podLog': '已从 {key} 读取 Pod {name}；日志本身来自 kubelet，而模拟器不运行 kubelet。',
  'storage.streamingNotSimulated':
    '{subresource} 子资源需要经由 kubelet 的流式（WebSocket/SPDY）连接；模拟器不会建立这种连接。',
  'stage.notReached': '未到达：前面的阶段已结束了这个请求。',
  'stage.nonResource': '{path} 不是资源，因此没有需要解码、准入或校验的内容。',
  'stage.nonResourceStorage': '服务器自己回答了 {path}；没有涉及 etcd。',
  'stage.unknownResource': '服务器在该组和版本中没有资源 "{resource}"。',
} as const satisfies Readonly<Record<EngineMessageId, string>>;
