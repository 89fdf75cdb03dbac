export function serve(options?: { port?: number; host?: string; dir?: string; base?: string }): Promise<{ url: string; close: () => Promise<void> }>;
