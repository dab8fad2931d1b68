// Renders the app icons (PNG, for the web app manifest) from one SVG with headless Chromium, so the
// icon stays a vector source we can edit.   npx tsx scripts/make-icons.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, requireChromium } from '../src/cli/chromium';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="96" fill="#0b1320"/>
  <g stroke="#2b4566" stroke-width="10" fill="none">
    <path d="M96 400 L256 300 L416 380 M256 300 L300 140"/>
  </g>
  <circle cx="96" cy="400" r="22" fill="#56b4e9"/>
  <circle cx="416" cy="380" r="22" fill="#56b4e9"/>
  <circle cx="300" cy="140" r="22" fill="#d55e00"/>
  <circle cx="256" cy="300" r="30" fill="#e69f00"/>
  <text x="256" y="250" text-anchor="middle" font-family="sans-serif" font-weight="700" font-size="170" fill="#e8eef6">1·25</text>
</svg>`;

const out = join(import.meta.dirname, '..', 'assets', 'icons');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'icon.svg'), svg);
const profile = mkdtempSync(join(tmpdir(), 'icons-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: requireChromium(),
  args: chromiumArgs,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const size of [192, 512]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: join(out, `icon-${size}.png`), omitBackground: true });
    console.log(`wrote icon-${size}.png`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
