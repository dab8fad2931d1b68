/**
 * Small lifecycle machines (task, inject, contact) are the source of truth for which status may
 * follow which. Game state stores only the status string (plain JSON, hashable); this helper
 * rebuilds a snapshot from it, runs XState's pure `transition`, and returns the next status.
 * The calls are rare (a task completes, an inject fires), so the cost does not matter; the hot
 * path — engine stepping — never goes through XState.
 */
import { transition, type AnyStateMachine } from 'xstate';

export function nextStatus<S extends string>(
  machine: AnyStateMachine,
  status: S,
  event: { type: string },
): S {
  const snapshot = machine.resolveState({ value: status, context: {} });
  const [next] = transition(machine, snapshot, event as never);
  return next.value as S;
}
