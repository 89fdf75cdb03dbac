// `npm run icons`: renders the PNG icons of the web app manifest from SVG,
// in Debian's Chromium. The PNGs are committed; run this after changing the art.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const card = (fg = '#ffffff', mark = '#1f7a45') => `
  <rect x="120" y="104" width="272" height="328" rx="36" fill="${fg}" opacity="0.75" transform="rotate(-8 256 268)"/>
  <rect x="136" y="96" width="272" height="328" rx="36" fill="${fg}"/>
  <path d="M196 252l44 44 92-96" fill="none" stroke="${mark}" stroke-width="40" stroke-linecap="round" stroke-linejoin="round"/>`;

const ART = {
	// Rounded tile for "any" purpose.
	any: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="112" fill="#2856c9"/>${card()}</svg>`,
	// Full-bleed, with the art inside the 80% safe zone, for "maskable".
	maskable: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="#2856c9"/><g transform="translate(76.8 76.8) scale(0.7)">${card()}</g></svg>`,
	// One colour on transparent, for "monochrome".
	monochrome: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect x="136" y="96" width="272" height="328" rx="36" fill="#000"/><path d="M196 252l44 44 92-96" fill="none" stroke="#fff" stroke-width="40" stroke-linecap="round" stroke-linejoin="round"/></svg>`
};

const OUT = [
	['any', 192, 'static/icons/icon-192.png'],
	['any', 512, 'static/icons/icon-512.png'],
	['maskable', 512, 'static/icons/maskable-512.png'],
	['monochrome', 512, 'static/icons/monochrome-512.png'],
	['maskable', 180, 'static/icons/apple-touch-icon.png']
];

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const [art, size, file] of OUT) {
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${ART[art]}`);
	writeFileSync(file, await page.screenshot({ omitBackground: true }));
	console.log(`wrote ${file}`);
}
await browser.close();
