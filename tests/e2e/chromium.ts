import fs from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Chromium to drive: $CHROMIUM_PATH, else Debian's headless shell (`chromium-headless-shell`, the build Playwright
 * itself runs headless tests in), else Debian's full /usr/bin/chromium, else Playwright's own download. The full
 * browser in headless mode runs the suite at about twice the CPU: on the 2-core CI machine the browser, not the
 * server, is what the e2e passes wait for (README, "Tests").
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"];
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
  "No Chromium found for the browser tests. Install Debian's: `apt-get install -y chromium-headless-shell` " +
  "(or set CHROMIUM_PATH to a Chromium binary).";
