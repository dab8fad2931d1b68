// Headers on every HTML page the server sends. The policy is what the built game needs and no
// more (checked by loading the build in Chromium and watching for violations):
// - scripts, styles, fonts, the manifest and the service worker come from the page's own origin
//   (Vite emits no inline script or style; the panels set styles through the CSSOM, which a
//   policy does not restrict);
// - images: Phaser's built-in textures are data: URLs and its loader turns fetched images into
//   blob: URLs; the favicon is `data:,`;
// - media: sounds are decoded from blob: URLs (Preloader) and Howler probes with a data: URL;
// - connect: the API, the levels and the team WebSocket are same-origin ('self' covers ws/wss of
//   the same host in CSP3 browsers); the sound loader fetches its blob: URLs (test/e2e/csp.test.ts
//   saw eight connect-src violations without blob:);
// - nothing may frame the game (clickjacking of the facilitator's controls), and no Referer leaves
//   with a join link in it.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HTML_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
