export function hostPaths(dir?: string, prefix?: string): string[];
