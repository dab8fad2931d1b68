// Every kind of session the Ops views can show, as one union: `mode` tells them apart, so a view
// that needs a mode's own members narrows by it instead of casting.
import type { ReplaySession } from './replaySession';
import type { SoloSession } from './soloSession';
import type { TeamSession } from './teamSession';

export type AnySession = SoloSession | TeamSession | ReplaySession;
