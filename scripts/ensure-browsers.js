// Makes sure the browsers the tests drive are installed, all from Debian's
// packages (browser downloads are not possible here): Chromium for the
// Playwright suite; WebKitGTK's WebKitWebDriver and MiniBrowser under Xvfb,
// and Firefox ESR, for the phone journey in the other engines
// (tests/engines.spec.ts). As root on Debian it installs what is missing;
// anywhere else it says exactly what to run and fails.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.js';

const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser'];

/** Each Debian package the tests need, and how to tell it is there. */
const NEEDED = [
	{ pkg: 'chromium', what: 'Chromium', found: () => findChromium() },
	{
		pkg: 'webkit2gtk-driver',
		what: "WebKitGTK's WebKitWebDriver and MiniBrowser",
		found: () => existsSync('/usr/bin/WebKitWebDriver') && MINIBROWSER.find((p) => existsSync(p))
	},
	{ pkg: 'firefox-esr', what: 'Firefox ESR', found: () => existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr') },
	{ pkg: 'xvfb', what: 'Xvfb (a screen for WebKit)', found: () => existsSync('/usr/bin/xvfb-run') },
	{ pkg: 'xauth', what: 'xauth (for xvfb-run)', found: () => existsSync('/usr/bin/xauth') }
];

let missing = NEEDED.filter((n) => !n.found());
if (missing.length > 0) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
	const pkgs = missing.map((n) => n.pkg);
	if (isRoot && isDebian) {
		console.log(`Installing Debian's ${pkgs.join(', ')} for the browser tests…`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: 'inherit', env });
		missing = NEEDED.filter((n) => !n.found());
		if (missing.length > 0) {
			console.error(`Installing ${pkgs.join(', ')} did not give ${missing.map((n) => n.what).join(', ')}.`);
			process.exit(1);
		}
	} else {
		console.error(
			[
				`The browser tests need ${missing.map((n) => n.what).join(', ')}, not found here.`,
				isDebian
					? `Install them with:  sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`
					: `Install ${pkgs.join(', ')} (Debian's package names) with your package manager; CHROMIUM_PATH and FIREFOX_PATH may point at other builds.`,
				'then run `npm test` again.'
			].join('\n')
		);
		process.exit(1);
	}
}
console.log(`Browsers: Chromium ${findChromium()}, WebKitWebDriver, Firefox ESR`);
