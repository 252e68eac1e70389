import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';

// /docs as a new user meets it: open http://127.0.0.1:PORT/docs (the address the banner and the
// README give), Authorize with a key, Try it out on GET /v1/me, and see the key's workspace.
// Real headless Chromium (Debian's /usr/bin/chromium) against a real listening gateway.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve('test-artifacts/screenshots');
const haveChromium = existsSync(CHROMIUM);
// In CI a missing browser is a failure, never a silent skip; locally the test may be skipped.
const inCi = process.env.CI === 'true';

let h: Harness | undefined;
let browser: BrowserContext | undefined;
let profile: string | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = undefined;
  await h?.close();
  h = undefined;
});

describe('/docs in a browser', () => {
  it.skipIf(!haveChromium && !inCi)('Try it out on GET /v1/me answers 200 with the key\'s workspace', { timeout: 120_000 }, async () => {
    if (!haveChromium) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH.`);
    }
    h = await createHarness();
    const { key, workspaceId } = await h.keyWithId({ workspace: 'docs-user' });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;

    profile = mkdtempSync(join(tmpdir(), 'agentline-chromium-'));
    // A fresh profile (the --user-data-dir) per run, so no state leaks between runs.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1100 },
      timeout: 60_000,
      // No background networking: on a closed network Chromium's update and sync probes hang.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(30_000);
    const failedRequests: string[] = [];
    page.on('requestfailed', (r) => failedRequests.push(`${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));

    await page.goto(`http://127.0.0.1:${port}/docs`);
    // The server Swagger UI calls is the origin the page came from.
    await expect.poll(() => page.locator('.servers select').inputValue()).toBe(`http://127.0.0.1:${port}`);

    await page.locator('.auth-wrapper button.authorize').click();
    const dialog = page.locator('.dialog-ux');
    await dialog.locator('input').first().fill(key);
    await dialog.locator('button.authorize').click();
    await dialog.locator('button.btn-done').click();

    const op = page.locator('#operations-me-getMe');
    await op.locator('.opblock-summary').first().click();
    await op.locator('button.try-out__btn').click();
    await op.locator('button.execute').click();

    const live = op.locator('.live-responses-table .response');
    await live.first().waitFor();
    const status = (await live.locator('.response-col_status').first().innerText()).trim();
    const body = await live.locator('.response-col_description pre').first().innerText();

    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = join(SCREENSHOTS, 'docs-try-it-out-get-me.png');
    // The viewport at the operation: the Execute button, the curl line and the live response.
    await op.evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    await page.screenshot({ path: shot });
    console.log(`screenshot: ${shot}`);

    expect(failedRequests).toEqual([]);
    expect(status).toBe('200');
    const parsed = JSON.parse(body) as { data: { workspace: { id: string } } };
    expect(parsed.data.workspace.id).toBe(workspaceId);
  });
});
