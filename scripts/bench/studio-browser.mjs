// What the Studio benches and the Studio's browser tests share: Debian's Chromium, launched the
// same way, and the median-with-range summary the benches report.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const summary = (values) =>
	`${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;

/** Called before a bench seeds anything, so a machine without Chromium fails at once. */
export function assertChromium() {
	if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium`);
}

/** Chromium on a 1440×900 page, and `signIn()` to the Studio at `url` as the bench's admin. */
export async function signedInStudio(url) {
	assertChromium();
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	return { browser, page, signIn: () => signIn(page, url) };
}

async function signIn(page, url) {
	if (!page.url().endsWith('/admin/login')) await page.goto(`${url}/admin/login`);
	await page.getByLabel('Email').fill('admin@example.com');
	await page.getByLabel('Password').fill('bench-password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByRole('navigation', { name: 'Modules' }).waitFor();
}
