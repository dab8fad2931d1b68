// The formatters every i18next instance of the game registers, in the browser, the CLI and the
// server alike: `{{name, iga}}` and the other Korean particles (josa.ts), and `{{id, quote}}`,
// which puts an id in quotation marks so that `{{id, quote, iga}}` reads `"웹-1"이`.
import type { i18n } from 'i18next';
import { PARTICLES, withParticle } from './josa';

export function addTextFormatters(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) throw new Error('i18next instance has no formatter: initialise it first');
  formatter.add('quote', (value: unknown) => `"${String(value)}"`);
  for (const particle of PARTICLES)
    formatter.add(particle, (value: unknown) => withParticle(String(value), particle));
}
