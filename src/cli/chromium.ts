// Where the bench and the tests find a Chromium, and the flags that make it work headless on these machines
// (software WebGL via SwiftShader, audio without a gesture for e2e, no background networking).
import { existsSync } from 'node:fs';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--force-device-scale-factor=1',
];

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive: CHROMIUM_PATH, else the first OS package found (may not exist). */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  return candidates[0];
}

/** Fails loudly (never skips) when no browser is installed. */
export function requireChromium(): string {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium found at ${path} for the browser/e2e tests. ` +
        'Install one (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return path;
}
