import { kubectlToRequests } from '../engine';
import type { DerivedRequests } from './types';

/** Runs kubectl's translation, turning its thrown KubectlError (or anything else) into data. */
export function deriveRequests(
  command: string,
  namespace: string,
  files: Readonly<Record<string, string>>,
): DerivedRequests {
  if (command.trim() === '') return { ok: true, requests: [] };
  try {
    return { ok: true, requests: kubectlToRequests(command, { namespace, files }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
