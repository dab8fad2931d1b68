// The Korean particle formatters every i18next instance of the game registers, in the browser, the
// CLI and the server alike: `{{name, iga}}` and the others append the form that fits the word
// (josa.ts), so a device or file name never reads "혜화 DNS이(가)".
import type { i18n } from 'i18next';
import { PARTICLES, withParticle } from './josa';

export function addParticleFormatters(instance: i18n): void {
  for (const particle of PARTICLES)
    instance.services.formatter?.add(particle, (value: unknown) =>
      withParticle(String(value), particle),
    );
}
