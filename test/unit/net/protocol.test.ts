// The wire protocol's parser: sizes, JSON, schema — each failure names the field and why.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isRoomCode,
  MAX_MESSAGE_BYTES,
  normaliseRoomCode,
  parseClientMessage,
  utf8Length,
} from '../../../src/net/protocol';

const bad = (text: string) => {
  const r = parseClientMessage(text);
  if (r.ok) throw new Error(`accepted ${text}`);
  return r;
};

describe('parseClientMessage', () => {
  it('accepts every message type in its documented shape', () => {
    const token = 'A'.repeat(43);
    const ok = [
      { t: 'join', v: 1, room: 'K7QM2X', name: '김 네트워크', as: 'player' },
      { t: 'join', v: 1, room: 'K7QM2X', name: 'Projector', as: 'projector' },
      { t: 'resume', v: 1, token },
      { t: 'role.choose', role: 'network' },
      { t: 'role.choose', role: null },
      { t: 'seat.assign', seat: 's3', role: 'comms' },
      { t: 'seat.remove', seat: 's12' },
      { t: 'session.start' },
      { t: 'session.end' },
      { t: 'cmd', clientSeq: 1, type: 'filter.apply', args: { device: 'x', direction: 'ingress' } },
      { t: 'checkpoint', tick: 3600, hash: 'ea2eb5bd165798d2-2b992275' },
      { t: 'sync', fromSeq: 0 },
      { t: 'ping', id: 3 },
    ];
    for (const m of ok)
      expect(parseClientMessage(JSON.stringify(m)), m.t).toMatchObject({ ok: true });
  });

  it('names the field and the reason', () => {
    expect(bad('{"t":"join","v":1,"room":"K7QM2","name":"a","as":"player"}')).toMatchObject({
      code: 'BAD_MESSAGE',
      field: 'room',
      detail: 'join: room: must be 6 characters',
    });
    expect(bad('{"t":"join","v":1,"room":"K7QM2O","name":"a","as":"player"}').detail).toMatch(
      /room: has a character that is not in room codes/,
    );
    expect(bad('{"t":"join","v":1,"room":"K7QM2X","name":"   ","as":"player"}').detail).toMatch(
      /name: must not be empty/,
    );
    expect(
      bad(JSON.stringify({ t: 'join', v: 1, room: 'K7QM2X', name: 'x'.repeat(41), as: 'player' }))
        .detail,
    ).toMatch(/name: must be at most 40 characters/);
    expect(bad('{"t":"cmd","clientSeq":1.5,"type":"a.b","args":{}}').field).toBe('clientSeq');
    expect(bad('{"t":"cmd","clientSeq":1,"type":"DROP TABLE","args":{}}').detail).toMatch(
      /type: is not a command type/,
    );
    expect(bad('{"t":"cmd","clientSeq":1,"type":"a.b","args":[]}').field).toBe('args');
    expect(
      bad('{"t":"cmd","clientSeq":1,"type":"a.b","args":{},"role":"facilitator"}'),
    ).toMatchObject({ field: 'role', detail: 'cmd: role: unknown field "role"' });
    expect(bad('{"t":"role.choose","role":"facilitator"}').detail).toMatch(/role: expected one of/);
    expect(bad('{"t":"resume","v":1,"token":"short"}').detail).toMatch(
      /token: is not a seat token/,
    );
    expect(bad('{"t":"hello"}')).toMatchObject({ code: 'BAD_MESSAGE', field: 't' });
    expect(bad('{"v":1}').detail).toMatch(/t: missing/);
    expect(bad('[1,2]').code).toBe('BAD_JSON');
    expect(bad('{"t":').detail).toMatch(/not valid JSON/);
  });

  it('refuses more than MAX_MESSAGE_BYTES of UTF-8 before parsing', () => {
    const pad = '가'.repeat(Math.ceil(MAX_MESSAGE_BYTES / 3));
    expect(bad(JSON.stringify({ t: 'ping', id: 1, pad }))).toMatchObject({ code: 'TOO_LARGE' });
  });

  it('utf8Length agrees with Buffer.byteLength', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
    );
  });

  it('room codes: what people type is normalised, look-alikes refused', () => {
    expect(normaliseRoomCode(' k7q-m2x ')).toBe('K7QM2X');
    expect(isRoomCode('K7QM2X')).toBe(true);
    expect(isRoomCode('K7QM0X')).toBe(false);
    expect(isRoomCode('K7QM2')).toBe(false);
  });
});
