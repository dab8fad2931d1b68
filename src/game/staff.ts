/**
 * Staff on a Saturday afternoon: a few people on shift, the rest reachable by phone and arriving
 * after a delay. A task holds its staff until it completes; a command needing more free staff of
 * a skill than there are is refused (NO_STAFF) rather than queued, so the player feels the limit.
 */
import type { Level } from './levelSchema';
import type { StaffSkill } from './roles';
import { nextStaffStatus, type StaffStatus } from './staff.machine';

export type { StaffStatus };

export interface StaffState {
  id: string;
  skill: StaffSkill;
  status: StaffStatus;
  /** Tick of arrival when en route. */
  arrivesAt: number | null;
  /** Tick the person started this shift (for staff cost); null while off. */
  onShiftSince: number | null;
  /** The task holding this person when busy. */
  taskId: number | null;
  /** Called in (paid overtime) rather than rostered. */
  calledIn: boolean;
}

export function initialStaff(level: Level, startTick: number): StaffState[] {
  return level.staff.map((s) => ({
    id: s.id,
    skill: s.skill,
    status: s.onDuty ? 'free' : 'off',
    arrivesAt: null,
    onShiftSince: s.onDuty ? startTick : null,
    taskId: null,
    calledIn: false,
  }));
}

export function freeCount(staff: readonly StaffState[], skill: StaffSkill): number {
  let n = 0;
  for (const s of staff) if (s.status === 'free' && s.skill === skill) n++;
  return n;
}

/**
 * Once the incident is escalated, management authorises overtime and sends cars: people called in
 * arrive in half their usual time.
 */
export const ESCALATED_CALL_IN_FACTOR = 0.5;

/** Puts an off-shift person en route; arrival `callInMin` later (halved once escalated). */
export function callIn(
  staff: StaffState[],
  id: string,
  tick: number,
  level: Level,
  escalated = false,
  /** 0..1 from the run's PRNG (Saturday traffic, a phone in another room): ¾ to 1½ of the usual time; ⅓ = usual. */
  luck = 1 / 3,
): StaffState[] {
  const def = level.staff.find((s) => s.id === id);
  if (!def) return staff;
  const delayS = Math.round(
    def.callInMin * 60 * (escalated ? ESCALATED_CALL_IN_FACTOR : 1) * (0.75 + 0.75 * luck),
  );
  return staff.map((s) =>
    s.id === id && s.status === 'off'
      ? {
          ...s,
          status: nextStaffStatus(s.status, { type: 'staff.call' }),
          arrivesAt: tick + delayS,
          calledIn: true,
        }
      : s,
  );
}

/** Everyone whose arrival time has come starts their shift. */
export function arrive(staff: StaffState[], tick: number): StaffState[] {
  if (!staff.some((s) => s.status === 'enRoute' && s.arrivesAt !== null && s.arrivesAt <= tick)) {
    return staff;
  }
  return staff.map((s) =>
    s.status === 'enRoute' && s.arrivesAt !== null && s.arrivesAt <= tick
      ? {
          ...s,
          status: nextStaffStatus(s.status, { type: 'staff.arrive' }),
          onShiftSince: s.arrivesAt,
          arrivesAt: null,
        }
      : s,
  );
}

/** Marks the first `n` free people with `skill` (roster order) busy on `taskId`. */
export function assign(
  staff: StaffState[],
  skill: StaffSkill,
  n: number,
  taskId: number,
): { staff: StaffState[]; ids: string[] } {
  const ids: string[] = [];
  const next = staff.map((s) => {
    if (ids.length < n && s.status === 'free' && s.skill === skill) {
      ids.push(s.id);
      return { ...s, status: nextStaffStatus(s.status, { type: 'staff.assign' }), taskId };
    }
    return s;
  });
  return { staff: next, ids };
}

export function release(staff: StaffState[], taskId: number): StaffState[] {
  return staff.map((s) =>
    s.taskId === taskId
      ? { ...s, status: nextStaffStatus(s.status, { type: 'staff.release' }), taskId: null }
      : s,
  );
}

/** Overtime cost so far of staff called in, in the level's cost unit (thousand won). */
export function staffCost(staff: readonly StaffState[], level: Level, tick: number): number {
  let cost = 0;
  for (const s of staff) {
    if (!s.calledIn || s.onShiftSince === null) continue;
    const def = level.staff.find((d) => d.id === s.id);
    if (def) cost += (def.costPerHour * Math.max(0, tick - s.onShiftSince)) / 3600;
  }
  return cost;
}
