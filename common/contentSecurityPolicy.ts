/**
 * The strict Content-Security-Policy of the app, sent by the loopback host and by the Electron session alike:
 * only the app's own scripts, styles, fonts and API, no inline code, no plugins, no framing.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
