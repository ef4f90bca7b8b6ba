/** @module Debian's chromium for the browser tests: where it is, whether it must be there, how to launch it. */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Quiet and offline: no sandbox (root in containers), no GPU, none of chromium's own background traffic. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** In CI a missing browser is a failure, never a skip. */
export const BROWSER_REQUIRED = process.env.CI === 'true'

/** Why the browser tests cannot run here, or undefined when they can. */
export const BROWSER_MISSING = existsSync(CHROMIUM_PATH)
  ? undefined
  : `${CHROMIUM_PATH} is missing (install it with: apt-get install -y chromium)`

export async function launchChromium(): Promise<Browser> {
  if (BROWSER_MISSING !== undefined) throw new Error(`${BROWSER_MISSING}; CI=true requires the browser tests to run.`)
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS })
}
