// The seat token of this tab, in sessionStorage: a reload (or a phone waking up) takes the same
// seat again, while another tab of the same browser can take another seat. Cleared when the
// session ends, the seat is removed or the player leaves.
import type { SeatKind } from '../../../net/protocol';

const KEY = 'one-twenty-five.team.seat.v1';

export interface StoredSeat {
  token: string;
  code: string;
  kind: SeatKind;
  /** The join link (facilitator and projector show it and its QR code). */
  joinUrl?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function store(): Store | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readSeat(s: Store | undefined = store()): StoredSeat | undefined {
  try {
    const raw = s?.getItem(KEY);
    if (!raw) return undefined;
    const o = JSON.parse(raw) as Partial<StoredSeat>;
    if (typeof o.token !== 'string' || typeof o.code !== 'string' || typeof o.kind !== 'string')
      return undefined;
    return o as StoredSeat;
  } catch {
    return undefined;
  }
}

export function writeSeat(seat: StoredSeat, s: Store | undefined = store()): void {
  try {
    s?.setItem(KEY, JSON.stringify(seat));
  } catch {
    // Private mode without storage: the seat simply does not survive a reload.
  }
}

export function clearSeat(s: Store | undefined = store()): void {
  try {
    s?.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

/** `?join=CODE` in the address: the join form opens with the code filled in. */
export function joinCodeFromUrl(): string | undefined {
  return new URLSearchParams(window.location.search).get('join') ?? undefined;
}

/** `&evaluator=KEY` in an evaluator link: the join form joins as an evaluator with that key. */
export function evaluatorKeyFromUrl(): string | undefined {
  return new URLSearchParams(window.location.search).get('evaluator') ?? undefined;
}
