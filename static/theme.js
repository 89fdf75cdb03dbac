// Applies the learner's theme before the first paint (a file, not inline, so the CSP stays strict).
try {
	var t = localStorage.getItem('theme');
	if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch (e) {}
