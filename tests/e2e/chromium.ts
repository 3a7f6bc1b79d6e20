import fs from "node:fs";
import { chromium } from "@playwright/test";

/** Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  try {
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // no Playwright-managed browser either
  }
  return undefined;
}

export const CHROMIUM_MISSING =
  "No Chromium found for the browser tests. Install Debian's: `apt-get install -y chromium` " +
  "(or set CHROMIUM_PATH to a Chromium binary).";
