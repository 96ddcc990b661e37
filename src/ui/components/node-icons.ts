import {
  Braces,
  Database,
  Gavel,
  HardDrive,
  KeyRound,
  Laptop,
  ListChecks,
  type LucideIcon,
  ShieldCheck,
  WandSparkles,
} from 'lucide-react';
import type { NodeId } from '../../store/path';

/** One lucide icon per pipeline node, shared by the graph and the inspector. */
export const NODE_ICONS: Readonly<Record<NodeId, LucideIcon>> = {
  client: Laptop,
  authentication: KeyRound,
  authorization: ShieldCheck,
  decoding: Braces,
  mutatingAdmission: WandSparkles,
  schemaValidation: ListChecks,
  validatingAdmission: Gavel,
  storage: HardDrive,
  etcd: Database,
};

/** The catalog key of a node's title. */
export function nodeTitleKey(node: NodeId): string {
  return node === 'client' || node === 'etcd' ? `node.${node}` : `stage.${node}`;
}
