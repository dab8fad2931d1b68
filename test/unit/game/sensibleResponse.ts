// An early, sensible response for the backbone ISP level, shared by the scenario and level tests.
import type { ScriptedCommand } from '../../../src/game/script';

const at = (hhmm: string, day = 25) => `2003-01-${day}T${hhmm}:00+09:00`;

/** What a well-drilled team could have done: detect fast, filter both ways at the gateways, tell people, clean up. */
export const SENSIBLE: ScriptedCommand[] = [
  { at: at('14:31'), role: 'security', type: 'diag.ids' },
  { at: at('14:31'), role: 'network', type: 'diag.netflow', args: { device: 'intl-hyehwa' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'net-jung' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'sys-han' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'sys-seo' } },
  { at: at('14:31'), role: 'commander', type: 'staff.call', args: { staff: 'pr-song' } },
  {
    at: at('14:36'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-hyehwa', direction: 'ingress' },
  },
  {
    at: at('14:37'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'kisa', blocks: ['report-worm'] },
  },
  {
    at: at('14:40'),
    role: 'systems',
    type: 'dns.addServers',
    args: { cluster: 'dns-hyehwa', servers: 10 },
  },
  {
    at: at('14:41'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-busan', direction: 'ingress' },
  },
  {
    at: at('14:45'),
    role: 'commander',
    type: 'inject.answer',
    args: { inject: 'kisa-asks', choice: 'share-now' },
  },
  {
    at: at('14:45'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'executives', blocks: ['brief-situation'] },
  },
  {
    at: at('14:51'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-hyehwa', direction: 'egress' },
  },
  {
    at: at('14:56'),
    role: 'network',
    type: 'filter.apply',
    args: { device: 'intl-busan', direction: 'egress' },
  },
  {
    at: at('15:00'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'customers', blocks: ['notice-outage', 'advise-patch'] },
  },
  { at: at('15:17'), role: 'systems', type: 'reboot.segment', args: { segment: 'idc-mokdong' } },
  {
    at: at('15:20'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'idc-mokdong', hostsPerHour: 150 },
  },
  { at: at('15:41'), role: 'systems', type: 'reboot.segment', args: { segment: 'idc-hyehwa' } },
  {
    at: at('15:40'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'mic', blocks: ['status-degraded', 'cause-worm'] },
  },
  {
    at: at('15:45'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'idc-hyehwa', hostsPerHour: 150 },
  },
  { at: at('16:00'), role: 'systems', type: 'reboot.segment', args: { segment: 'leased-seoul' } },
  {
    at: at('16:30'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'leased-seoul', hostsPerHour: 100 },
  },
  {
    at: at('16:40'),
    role: 'systems',
    type: 'reboot.segment',
    args: { segment: 'leased-regional' },
  },
  {
    at: at('17:05'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'leased-regional', hostsPerHour: 80 },
  },
  {
    at: at('17:10'),
    role: 'commander',
    type: 'comms.send',
    args: { to: 'press', blocks: ['statement-cause'] },
  },
  { at: at('17:30'), role: 'systems', type: 'reboot.segment', args: { segment: 'bb-seoul' } },
  {
    at: at('18:00'),
    role: 'systems',
    type: 'patch.start',
    args: { segment: 'bb-seoul', hostsPerHour: 60 },
  },
];
