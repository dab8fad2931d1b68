/**
 * Player roles (DESIGN.md §7). A command names the role that sent it; the level and the command
 * catalogue decide which roles may send what. Solo play uses `solo`, which holds every role.
 */
import { z } from '../engine/zod';

export const PLAYER_ROLES = [
  'facilitator',
  'commander',
  'network',
  'security',
  'systems',
  'comms',
] as const;
export type PlayerRole = (typeof PLAYER_ROLES)[number];

/** A role as it appears in logs: one of the team roles, or `solo` (all of them). */
export const roleSchema = z.enum([...PLAYER_ROLES, 'solo']);
export type Role = z.infer<typeof roleSchema>;

/** Staff skills: what a person on shift can do (a subset of the player roles, no facilitator). */
export const STAFF_SKILLS = ['commander', 'network', 'security', 'systems', 'comms'] as const;
export const staffSkillSchema = z.enum(STAFF_SKILLS);
export type StaffSkill = z.infer<typeof staffSkillSchema>;

/** Whether a sender holding `role` may issue a command restricted to `allowed`. */
export function roleMayIssue(role: Role, allowed: readonly PlayerRole[]): boolean {
  if (role === 'solo') return true;
  return allowed.includes(role);
}
