import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';
import type { Browser, Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../../../core/test/helpers/databases.js';
import { startKernel, type RunningKernel } from '../../../../core/test/helpers/kernel.js';
import { studioDist } from '../../../../core/src/studio/serve.js';
import { chromiumArgs, chromiumPath } from '../../../../scripts/bench/studio-browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const artifacts = path.resolve(here, '../artifacts');
export { chromiumArgs, chromiumPath };
export const admin = { email: 'admin@example.com', password: 'correct horse battery' };

/** Why the browser tests cannot run here, if they cannot. */
function skipReason(): string | undefined {
	if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath} (apt-get install -y chromium)`;
	if (!existsSync(path.join(studioDist(), 'index.html'))) return 'the Studio is not built (node scripts/build.mjs)';
	return undefined;
}

export interface StudioContext {
	t: ExecutionContext;
	page: Page;
	browser: Browser;
	running: RunningKernel;
	url: string;
	db: TestDatabase;
	/** Goes to a Studio path (`/content/articles`) and waits for the page to settle. */
	open(studioPath: string): Promise<void>;
	login(email?: string, password?: string): Promise<void>;
}

/**
 * One browser test against a real kernel on SQLite: a fresh database, the kernel, Chromium.
 * Saves a screenshot under test/artifacts/ whatever the outcome. A missing Chromium is a skip
 * with the reason, or a failure with REQUIRE_SERVICES=1.
 */
export function studioTest(
	title: string,
	body: (context: StudioContext) => Promise<void>,
	options: { env?: Record<string, string>; seed?: (url: string, running: RunningKernel) => Promise<void>; viewport?: { width: number; height: number } } = {},
): void {
	const reason = skipReason();
	if (reason && process.env.REQUIRE_SERVICES !== '1') {
		console.log(`skipping Studio browser test "${title}": ${reason}`);
		test.skip(title, () => {});
		return;
	}
	test(title, async (t) => {
		if (reason) t.fail(reason);
		const { chromium } = await import('playwright-core');
		const db = await createTestDatabase('sqlite');
		const running = await startKernel(db, options.env);
		const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
		const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 } });
		const failures: string[] = [];
		page.on('pageerror', (error) => failures.push(error.message));
		const context: StudioContext = {
			t,
			page,
			browser,
			running,
			url: running.url,
			db,
			async open(studioPath) {
				await page.goto(`${running.url}/admin${studioPath}`);
			},
			async login(email = admin.email, password = admin.password) {
				await page.goto(`${running.url}/admin/login`);
				await page.getByLabel('Email').fill(email);
				await page.getByLabel('Password').fill(password);
				await page.getByRole('button', { name: 'Sign in' }).click();
				await page.getByRole('navigation', { name: 'Modules' }).waitFor();
			},
		};
		try {
			await options.seed?.(running.url, running);
			await body(context);
			t.deepEqual(failures, [], 'no uncaught errors in the page');
		} finally {
			mkdirSync(artifacts, { recursive: true });
			const file = title
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, '')
				.slice(0, 80);
			await page.screenshot({ path: path.join(artifacts, `${file}.png`), fullPage: true }).catch(() => undefined);
			await browser.close();
			await running.stop();
			await db.drop();
		}
	});
}
