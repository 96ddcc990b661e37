import { discoveryResources, servedGroups } from '../../non-resource';
import { alignColumns } from '../../responses/kubectl-output';
import { failed, type Handler } from './handler';

/** apiresources.go: NAME SHORTNAMES APIVERSION NAMESPACED KIND, sorted (stably) by group. */
export const apiResourcesHandler: Handler = (parsed, session) => {
  for (const request of parsed.requests()) {
    const trace = session.send(request);
    if (failed(trace)) {
      session.fail(trace);
      return;
    }
  }
  const { flags } = parsed.input;
  const groups = [{ name: '', version: 'v1' }, ...servedGroups()];
  const rows: string[][] = flags.bool('no-headers')
    ? []
    : [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
  for (const g of groups) {
    if (flags.string('api-group') !== '' && flags.string('api-group') !== g.name) continue;
    for (const r of discoveryResources(g.name, g.version)) {
      if (r.name.includes('/')) continue;
      if (flags.has('namespaced') && flags.bool('namespaced') !== r.namespaced) continue;
      const verbs = flags.strings('verbs');
      if (verbs.length > 0 && !verbs.every((v) => r.verbs.includes(v))) continue;
      rows.push([
        r.name,
        (r.shortNames ?? []).join(','),
        g.name === '' ? g.version : `${g.name}/${g.version}`,
        String(r.namespaced),
        r.kind,
      ]);
    }
  }
  session.print(alignColumns(rows));
};
