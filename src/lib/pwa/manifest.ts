// The web app manifest, for a build served at `base` (BASE_PATH: '' at the
// root of a domain, '/roadmap-recall' for a GitHub Pages project site).
// Every URL in it is absolute from the root, so the app's identity (`id`),
// where it opens and what it covers all stay inside its own path: two apps
// under one github.io domain are two apps. At the root it is exactly the
// manifest the app always had (id '/'): installed apps keep their identity.

const icon = (base: string, size: number, purpose: string, name = `icon-${size}`) => ({
	src: `${base}/icons/${name}.png`,
	sizes: `${size}x${size}`,
	type: 'image/png',
	purpose
});

export function webManifest(base: string) {
	const root = `${base}/`;
	const small = [{ src: `${base}/icons/icon-192.png`, sizes: '192x192', type: 'image/png' }];
	return {
		id: root,
		name: 'Roadmap Recall',
		short_name: 'Recall',
		description: 'Spaced-repetition quizzes for the backend developer roadmap: 31 sections, FSRS scheduling, works offline.',
		start_url: root,
		scope: root,
		display: 'standalone',
		orientation: 'any',
		lang: 'en',
		dir: 'ltr',
		background_color: '#f7f5f0',
		theme_color: '#f7f5f0',
		user_preferences: {
			color_scheme_dark: { background_color: '#15171c', theme_color: '#15171c' }
		},
		categories: ['education', 'productivity'],
		icons: [icon(base, 192, 'any'), icon(base, 512, 'any'), icon(base, 512, 'maskable', 'maskable-512'), icon(base, 512, 'monochrome', 'monochrome-512')],
		screenshots: [
			{
				src: `${base}/screenshots/narrow.png`,
				sizes: '720x1280',
				type: 'image/png',
				form_factor: 'narrow',
				label: 'A review on a phone: the answer, its explanation and the rating buttons'
			},
			{
				src: `${base}/screenshots/wide.png`,
				sizes: '1280x800',
				type: 'image/png',
				form_factor: 'wide',
				label: 'A review on a laptop: the question beside its answer'
			}
		],
		shortcuts: [
			{ name: 'Review now', short_name: 'Review', url: `${base}/review`, icons: small },
			{ name: 'Sections', url: `${base}/sections`, icons: small }
		]
	};
}
