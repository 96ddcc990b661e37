import { type Cluster, createCluster, HTTP_REASON, kubectlToRequests, type UserSpec } from '../engine';
import type { ScenarioDocument } from './format';
import { toClusterSpec } from './runtime';

/** The identity a real cluster should impersonate for a scenario user. */
export interface Impersonation {
  readonly user: string;
  readonly groups: readonly string[];
}

/**
 * Who a credential authenticates as, read from the scenario (no request needed): a token → its
 * token-file line; a client certificate → CN and O; a service account token →
 * `system:serviceaccount:<ns>:<name>`. Undefined when the server would refuse it (a revoked token)
 * or it is anonymous: the script then sends the request without impersonation and says so.
 */
export function impersonationOf(user: UserSpec, doc: ScenarioDocument): Impersonation | undefined {
  const c = user.credential;
  switch (c.type) {
    case 'token': {
      const line = doc.spec.server?.authentication?.tokenFile?.find((t) => t.token === c.token);
      return line === undefined ? undefined : { user: line.user, groups: line.groups };
    }
    case 'x509':
      return c.expired || c.unknownCA ? undefined : { user: c.commonName, groups: c.organizations ?? [] };
    case 'serviceAccount':
      return {
        user: `system:serviceaccount:${c.namespace}:${c.name}`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${c.namespace}`],
      };
    case 'proxy':
      return c.trusted ? { user: c.user, groups: c.groups ?? [] } : undefined;
    default:
      return undefined;
  }
}

/** Quotes a word for bash: single quotes, with embedded ones closed and escaped. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A heredoc delimiter that does not occur in `text`. */
function delimiter(text: string): string {
  let name = 'EOF';
  for (let i = 1; text.split('\n').includes(name); i++) name = `EOF_${i}`;
  return name;
}

/** Comment text on one line (never lets a newline end the comment and start a command). */
const comment = (text: string) => text.replace(/[\r\n]+/g, ' ');

function predict(
  cluster: Cluster,
  command: string,
  user: string,
  namespace: string,
  files: Readonly<Record<string, string>>,
): string {
  try {
    const requests = kubectlToRequests(command, { namespace, files });
    let status: number | undefined;
    for (const request of requests) status = cluster.send(request, user).response.status;
    return status === undefined ? 'nothing sent' : `${status} ${HTTP_REASON[status] ?? ''}`.trim();
  } catch (error) {
    return `kubectl error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * The world and its prepared requests as a bash script for a real cluster (kind, minikube):
 * `kubectl apply -f -` for the initial objects, then each request as the kubectl command it came
 * from, impersonating the user with `--as`/`--as-group`, each with the outcome the simulator
 * predicts (computed by playing the requests, in order, on a fresh simulated world).
 */
export function exportScript(doc: ScenarioDocument): string {
  const namespace = doc.spec.defaultNamespace ?? 'default';
  const cluster = createCluster(toClusterSpec(doc));
  const lines: string[] = [
    '#!/usr/bin/env bash',
    `# ${comment(doc.metadata.title ?? doc.metadata.name)} — exported from kube-request-flow.`,
    '# Replays the scenario on a real cluster (for example `kind create cluster`), as cluster-admin.',
    '# Requests are sent with impersonation (--as/--as-group), so the admin must be allowed to impersonate.',
    'set -u',
    '',
  ];
  if (doc.spec.objects.trim() !== '') {
    const body = doc.spec.objects.endsWith('\n') ? doc.spec.objects : `${doc.spec.objects}\n`;
    const end = delimiter(body);
    lines.push('# The objects the world starts with.', `kubectl apply -f - <<'${end}'`, `${body}${end}`, '');
  }
  for (const request of doc.spec.requests) {
    const user = doc.spec.users.find((u) => u.name === request.user);
    const who = user === undefined ? undefined : impersonationOf(user, doc);
    const predicted = predict(cluster, request.command, request.user, namespace, request.files ?? {});
    lines.push(`# ${comment(request.title ?? request.id)} — as ${comment(request.user)}`);
    lines.push(`# simulator predicts: ${comment(predicted)}`);
    if (request.expect !== undefined)
      lines.push(
        `# scenario expects: ${request.expect.status} ${HTTP_REASON[request.expect.status] ?? ''}`.trimEnd(),
      );
    for (const [name, content] of Object.entries(request.files ?? {})) {
      const body = content.endsWith('\n') ? content : `${content}\n`;
      const end = delimiter(body);
      lines.push(`cat > ${shellQuote(name)} <<'${end}'`, `${body}${end}`);
    }
    const words = request.command.trim().split(/\s+/);
    const flags =
      who === undefined
        ? []
        : [`--as=${shellQuote(who.user)}`, ...who.groups.map((g) => `--as-group=${shellQuote(g)}`)];
    if (who === undefined)
      lines.push(
        `# ${comment(request.user)}'s credential does not authenticate (or is anonymous): sent as yourself.`,
      );
    // Every word is quoted: a command is scenario data and must never smuggle in shell syntax.
    const line = `${[...words.map(shellQuote), ...flags].join(' ')} || true`;
    lines.push(
      words[0] === 'kubectl' ? line : `# not a kubectl command, left out: ${comment(request.command)}`,
      '',
    );
  }
  return lines.join('\n');
}
