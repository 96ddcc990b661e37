// kubectl's own refusals, before any request: cobra (command.go), pflag (flag.go), cli-runtime's
// builder and RESTMapper, and the command files under staging/src/k8s.io/kubectl/pkg/cmd/.
import { describe, expect, it } from 'vitest';
import { KubectlError, kubectlToRequests } from '../../../../src/engine/kubectl';
import { errorOf, send } from './helpers';

describe('kubectl errors', () => {
  it('throws KubectlError', () => {
    expect(() => kubectlToRequests('foo')).toThrow(KubectlError);
  });

  it('rejects an unknown command as cobra does, with its suggestions', () => {
    expect(errorOf('foo')).toMatch(/^error: unknown command "foo" for "kubectl"/);
    expect(errorOf('gett pods')).toBe(
      'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset',
    );
  });

  it('rejects an unknown resource type (RESTMapper)', () => {
    expect(errorOf('get foos')).toBe('error: the server doesn\'t have a resource type "foos"');
  });

  it("create without -f prints create.go's own message (capital E)", () => {
    expect(errorOf('create')).toBe('Error: must specify one of -f and -k');
  });

  it('apply without -f fails with the filename validation error', () => {
    expect(errorOf('apply')).toBe('error: must specify one of -f and -k');
  });

  it('delete of a type without a name, selector or --all is refused by the builder', () => {
    expect(errorOf('delete pod')).toBe('error: resource(s) were provided, but no name was specified');
  });

  it('delete with nothing at all asks for resources', () => {
    expect(errorOf('delete')).toMatch(
      /^error: You must provide one or more resources by argument or filename\./,
    );
  });

  it('--all and -l cannot be combined', () => {
    expect(errorOf('delete pods --all -l app=web')).toBe(
      'error: cannot set --all and --selector at the same time',
    );
  });

  it('--force with a positive grace period is refused', () => {
    expect(errorOf('delete pod x --force --grace-period=5')).toBe(
      'error: --force and --grace-period greater than 0 cannot be specified together',
    );
  });

  it('generators need exactly one name and their required flags', () => {
    expect(errorOf('create deployment')).toBe('error: exactly one NAME is required, got 0');
    expect(errorOf('create deployment web')).toBe('error: required flag(s) "image" not set');
    expect(errorOf('run nginx')).toBe('error: required flag(s) "image" not set');
    expect(errorOf('create rolebinding rb --user=a')).toBe(
      'error: exactly one of clusterrole or role must be specified',
    );
  });

  it('an unknown --dry-run value is refused', () => {
    expect(errorOf('create ns x --dry-run=maybe')).toBe(
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".',
    );
  });

  it('patch needs a patch and a known --type', () => {
    expect(errorOf('patch pod x')).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch',
    );
    expect(errorOf(`patch pod x --type=foo -p '{}'`)).toBe(
      'error: --type must be one of [json merge strategic], not "foo"',
    );
  });

  it('scale needs --replicas', () => {
    expect(errorOf('scale deploy web')).toBe('error: required flag(s) "replicas" not set');
  });

  it('a missing -f file is reported by path', () => {
    expect(errorOf('create -f missing.yaml')).toBe('error: the path "missing.yaml" does not exist');
  });

  it('an object whose namespace differs from an explicit -n is refused', () => {
    const files = { 'd.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: prod\n' };
    expect(errorOf('create -f d.yaml -n dev', { files })).toBe(
      'error: the namespace from the provided object "prod" does not match the namespace "dev". You must pass \'--namespace=prod\' to perform this operation.',
    );
  });

  it('a real kubectl command the simulator does not model says so', () => {
    expect(errorOf('rollout restart deploy/x')).toBe('error: kubectl rollout is not simulated');
  });

  it('help and a bare kubectl send nothing', () => {
    expect(send('kubectl')).toEqual([]);
    expect(send('get pods --help')).toEqual([]);
  });
});
