import { type KubectlContext, kubectlToRequests } from '../../../../src/engine/kubectl';
import type { HttpRequest } from '../../../../src/engine/types';

/** The requests of one command line. */
export function send(commandLine: string, ctx?: KubectlContext): HttpRequest[] {
  return kubectlToRequests(commandLine, ctx);
}

/** The only request of a command line (fails the test if there is not exactly one). */
export function sendOne(commandLine: string, ctx?: KubectlContext): HttpRequest {
  const requests = send(commandLine, ctx);
  if (requests.length !== 1) throw new Error(`expected one request, got ${requests.length}`);
  return requests[0] as HttpRequest;
}

/** `METHOD path` of each request, the shape most assertions compare. */
export function lines(commandLine: string, ctx?: KubectlContext): string[] {
  return send(commandLine, ctx).map((r) => `${r.method} ${r.path}`);
}

/** The message kubectl would print for a rejected command line. */
export function errorOf(commandLine: string, ctx?: KubectlContext): string {
  try {
    kubectlToRequests(commandLine, ctx);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected "${commandLine}" to fail`);
}

export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
