import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gradeText } from '../../../src/cli/grade';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/kube-request-flow.mjs');
const RBAC = join(ROOT, 'src/scenarios/lessons/rbac-basics.scenario.yaml');
const rbacText = readFileSync(RBAC, 'utf8');

/** rbac-basics with a wrong promise: carol's list is a 403 at authorization, not a 200. */
const brokenText = rbacText.replace(
  '          status: 403,\n          stoppedAt: authorization,',
  '          status: 200,\n          stoppedAt: none,',
);

/** Runs the CLI as a course's CI would; resolves with its exit code and output, never rejects. */
async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('The grader, in process', () => {
  it('prints a ✓ line per step and the total for a lesson that holds', () => {
    const result = gradeText('rbac.yaml', rbacText);
    expect(result.ok).toBe(true);
    expect(result.lines).toEqual([
      'rbac.yaml: rbac-basics — RBAC: a Role does nothing without a binding (en)',
      '  ✓ 1 list-denied: carol `kubectl get pods` → 403 stopped at authorization (Forbidden)',
      '  ✓ 2 the-role: narration only',
      '  ✓ 3 bind: task "Make carol able to list pods in default."',
      '      before the solution → 403 stopped at authorization (Forbidden)',
      '      after the solution → 200 stopped at none',
      '  ✓ 4 still-read-only: carol `kubectl delete pod web` → 403 stopped at authorization (Forbidden)',
      '✓ 4/4 steps passed',
    ]);
  });

  it('prints expected against got for a step that fails', () => {
    expect(brokenText).not.toBe(rbacText);
    const result = gradeText('broken.yaml', brokenText);
    expect(result.ok).toBe(false);
    expect(result.lines.slice(1, 4)).toEqual([
      '  ✗ 1 list-denied: carol `kubectl get pods` → 403 stopped at authorization (Forbidden)',
      '      status: expected 200, got 403',
      '      stoppedAt: expected none, got authorization',
    ]);
    expect(result.lines.at(-1)).toBe('✗ 3/4 steps passed');
  });

  it('prints the Chinese title in zh-CN', () => {
    expect(gradeText('rbac.yaml', rbacText, { language: 'zh-CN' }).lines[0]).toBe(
      'rbac.yaml: rbac-basics — RBAC：没有绑定的 Role 什么也不授予 (zh-CN)',
    );
  });

  it('reports an invalid file with its problems, located', () => {
    const result = gradeText('bad.yaml', rbacText.replace('request: carol-lists-pods', 'request: nope'));
    expect(result.ok).toBe(false);
    expect(result.lines[0]).toBe('✗ bad.yaml: not a valid scenario file');
    expect(result.lines[1]).toMatch(
      /^ {4}(line \d+: )?spec\.lesson\.steps\[0\]\.request: Not found: "nope"$/,
    );
  });

  it("plays a scenario without steps request by request (a learner's world)", () => {
    const scenario = rbacText.slice(0, rbacText.indexOf('  lesson:'));
    const result = gradeText('world.yaml', scenario);
    expect(result.verdict?.mode).toBe('scenario');
    expect(result.lines).toContain(
      '  ✓ carol-lists-pods: carol `kubectl get pods` → 403 stopped at authorization (Forbidden)',
    );
    expect(result.ok).toBe(true);
  });
});

describe('npx kube-request-flow check', () => {
  it('exits 0 and prints each verdict for a lesson that holds', { timeout: 120_000 }, async () => {
    const { code, stdout } = await runCli('check', RBAC);
    expect(stdout).toContain(
      '  ✓ 1 list-denied: carol `kubectl get pods` → 403 stopped at authorization (Forbidden)',
    );
    expect(stdout).toContain('✓ 4/4 steps passed');
    expect(code).toBe(0);
  });

  it('exits 1 for a file with a failing step, and 2 for a usage error', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'krf-grader-'));
    const broken = join(dir, 'broken.scenario.yaml');
    writeFileSync(broken, brokenText);
    const { code, stdout } = await runCli('check', '--no-extensions', broken);
    expect(stdout).toContain('      status: expected 200, got 403');
    expect(stdout).toContain('✗ 3/4 steps passed');
    expect(code).toBe(1);
    const usage = await runCli('grade', broken);
    expect(usage.stderr).toContain('kube-request-flow: unknown command "grade"');
    expect(usage.code).toBe(2);
  });
});
