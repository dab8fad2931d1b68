// Public API of the propagation engine (pure TypeScript: no DOM, wall clock, timers or unseeded randomness).
// Time is integer milliseconds since 2003-01-25T14:00:00+09:00.
export {
  ENGINE_VERSION,
  createEngine,
  advanceTo,
  metrics,
  observe,
  pacingActivity,
  hashState,
  drainEvents,
  nextStepMs,
} from './engine';
export type { EngineMetrics, LinkMetrics, ClusterMetrics, SegmentMetrics } from './engine';
export { applyAction, checkActionIds, engineActionSchema, ENGINE_ACTION_TYPES } from './actions';
export type { EngineAction, EngineActionType, ApplyResult } from './actions';
export { engineParamsSchema, referenceIssues, REGION_IDS } from './params';
export type { EngineParams, RegionId } from './params';
export type {
  EngineState,
  EngineEvent,
  EngineObservation,
  ObservedLink,
  ObservedCluster,
  HeadlineMetrics,
} from './state';
export { formatZodIssues, formatPath } from './validation';
export { canonicalJson, fnv1a64 } from './hash';
export { SIM_EPOCH_ISO, SIM_EPOCH_UTC_MS, isoToSimMs, simMsToIso } from './time';
