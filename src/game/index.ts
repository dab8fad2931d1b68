/**
 * Public API of the game core (pure: imports only the engine). Views, the CLI and the server use
 * these; nothing else in src/game is meant to be imported from outside.
 */
export { GAME_VERSION, GAME_POINT_MS, hashGame } from './incident';
export type { CommandOutcome } from './incident';
export {
  createRun,
  applyCommand,
  advanceReal,
  advanceToTick,
  advanceToMs,
  finishRun,
  runScore,
  replayLog,
  levelSpan,
} from './run';
export { levelHash } from './levelHash';
export type { Run, LoggedCommand, Checkpoint, Player } from './run';
export { snapshotView } from './view';
export type { ViewSnapshot } from './view';
export { incidentMachine } from './incident.machine';
export type { IncidentEvent, IncidentContext, IncidentInput } from './incident.machine';
export { parseLevel, levelSchema, LEVEL_FORMAT_VERSION, SCORE_PARTS, FLAGS } from './levelSchema';
export type { Level, LocalText, ScorePart, Flag } from './levelSchema';
export {
  COMMAND_TYPES,
  INSTANT_COMMANDS,
  CLAIMS,
  commandArgSchemas,
  parseCommand,
  CUSTOM_INJECT_TARGETS,
  CUSTOM_INJECT_TEXT_MAX,
  CUSTOM_INJECT_CHOICES_MAX,
} from './commandSchema';
export type { CommandType, Claim, ParsedCommand, CustomInjectTarget } from './commandSchema';
export { commandRoles } from './commands';
export { CUSTOM_INJECT_SENDER, CUSTOM_INJECT_SUBJECT } from './injects';
export type { CustomInject, InboxMessage } from './gameState';
export { PLAYER_ROLES } from './roles';
export type { Role, PlayerRole } from './roles';
export { REJECTION_CODES } from './rejectionText';
export type { Rejection, RejectionCode } from './rejectionText';
export { RUN_FORMAT_VERSION } from './runFileFields';
export { toRunFile, parseRunFile } from './runFile';
export type { RunFile } from './runFile';
export { toAutosave, restoreAutosave, parseAutosave } from './autosave';
export type { Autosave } from './autosave';
export { runFileProblem, verifyRunFile } from './verify';
export type { VerifyResult, VerifyFailureCode } from './verify';
export { playScript, runScripted, ghostRun } from './script';
export type { ScriptedCommand, ScriptResult } from './script';
export type { Score } from './scoring';
export { isoToTick, tickToIso, tickToClock } from './simTime';
export { sha256 } from './sha256';
export { canonicalJson } from '../engine/hash';
export { runSeries } from './series';
export type { RunSeries } from './series';
export {
  createTimeline,
  timelineOfRunFile,
  forkAt,
  ghostSeries,
  ghostSampler,
  referenceSeries,
  ReplayError,
  SNAPSHOT_EVERY_MIN,
} from './replay';
export type { ReplayTimeline, ReplayCursor, TimelineSource, GhostSeries } from './replay';
export { runFileSha256 } from './runFile';
export type { ParentRef, ForkableRun } from './runFileFields';
export { scoreBreakdown, PART_UNITS, isTimedPart } from './scoreBreakdown';
export type { ScoreBreakdown, ScoreRow, PartUnit, PartStatus } from './scoreBreakdown';
export { scoreHistoryOf, LiveScoreHistory, ScoreHistory } from './scoreHistory';
export type { ScoreHistoryEntry, PartChange, ScoreCause } from './scoreHistory';
export { claimWarnings } from './claimEvidence';
export type { ClaimWarning, PlayerKnowledge } from './claimEvidence';
export { claimFactsOf } from './claimFacts';
export type { ClaimFacts } from './claimFacts';
export { FALSE_CLAIM_PENALTY } from './comms';
export {
  OBJECTIVES,
  HSEEP_RATINGS,
  OBSERVATION_NOTE_MAX,
  OBSERVATIONS_MAX,
  OBSERVATION_RECORD_VERSION,
  observationRecordSchema,
  observationsProblem,
  findTask,
} from './evaluationGuide';
export type { ObservationRecord, Objective, CriticalTask, HseepRating } from './evaluationGuide';
export type { SentMessage } from './gameState';
