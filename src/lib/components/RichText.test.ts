import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import RichText from './RichText.svelte';

describe('card text', () => {
	it('renders markup in deck text as inert text, code in backticks as <code>', () => {
		const { body } = render(RichText, { props: { text: 'Try `<script>alert(1)</script>` or <img src=x onerror=alert(1)> now' } });
		expect(body).not.toMatch(/<script|<img/);
		expect(body).toContain('<code>&lt;script>alert(1)&lt;/script></code>');
		expect(body).toContain('&lt;img src=x onerror=alert(1)>');
	});
});
