// Fails the browser project with a how-to-install message when no Chromium is present (never skips).
import { requireChromium } from '../../src/cli/chromium';

export default function setup(): void {
  requireChromium();
}
