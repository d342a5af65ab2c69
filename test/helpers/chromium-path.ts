/** Debian's Chromium, or the one CHROMIUM_PATH names: the tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
