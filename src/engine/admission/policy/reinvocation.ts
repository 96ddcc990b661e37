import type { KubeObject } from '../../types';

/**
 * The re-invocation bookkeeping of one hook dispatcher (mutating webhooks, or mutating policies),
 * after staging/src/k8s.io/apiserver/pkg/admission/plugin/webhook/mutating/reinvocationcontext.go
 * and dispatcher.go: when a hook changes the object, every earlier IfNeeded hook is marked for
 * re-invocation and the whole mutating chain runs a second time (admission/reinvocation.go), in
 * which only the marked hooks are called again.
 */
export class ReinvocationState {
  /** True during the second run of the chain. */
  reinvoking = false;
  /** Set when any hook changed the object: the chain must run again. */
  shouldReinvokeChain = false;
  private previouslyInvoked = new Set<string>();
  private toReinvoke = new Set<string>();
  private lastOutput: string | undefined;

  /** At the start of the dispatcher: on a re-run, an object changed since its last output re-arms every IfNeeded hook. */
  enter(object: KubeObject | undefined): void {
    if (
      this.reinvoking &&
      this.lastOutput !== undefined &&
      this.lastOutput !== JSON.stringify(object ?? null)
    ) {
      this.requirePrevious();
    }
  }

  leave(object: KubeObject | undefined): void {
    // The output only matters to re-arm previously invoked IfNeeded hooks; with none (no hook
    // ran, the usual case) enter has nothing to re-arm, so the object need not be serialised.
    this.lastOutput = this.previouslyInvoked.size === 0 ? undefined : JSON.stringify(object ?? null);
  }

  shouldReinvoke(key: string): boolean {
    return this.toReinvoke.has(key);
  }

  /** After a hook ran. */
  invoked(key: string, ifNeeded: boolean, changed: boolean): void {
    if (changed) {
      this.requirePrevious();
      this.shouldReinvokeChain = true;
    }
    if (ifNeeded) this.previouslyInvoked.add(key);
  }

  private requirePrevious(): void {
    for (const k of this.previouslyInvoked) this.toReinvoke.add(k);
    this.previouslyInvoked = new Set();
  }
}
