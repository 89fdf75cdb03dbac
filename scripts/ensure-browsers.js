// Makes sure Debian's Chromium is installed before the browser tests run.
// As root on Debian it installs the `chromium` package; anywhere else it
// says exactly what to do and fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.js';

let found = findChromium();
if (!found) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
	if (isRoot && isDebian) {
		console.log("Chromium not found: installing Debian's chromium package…");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		found = findChromium();
	} else {
		console.error(
			[
				'The browser tests need Chromium, and none was found.',
				isDebian ? 'Install it with:  sudo apt-get update && sudo apt-get install -y chromium' : 'Install Chromium with your package manager,',
				'or point CHROMIUM_PATH at a Chromium or Chrome executable, then run `npm test` again.'
			].join('\n')
		);
		process.exit(1);
	}
}
if (!found) {
	console.error('Installing chromium did not give a usable /usr/bin/chromium.');
	process.exit(1);
}
console.log(`Chromium: ${found}`);
