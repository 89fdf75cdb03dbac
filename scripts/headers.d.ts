export const IMMUTABLE: string;
export const IMMUTABLE_CACHE: string;
export const REVALIDATE_CACHE: string;
export const SECURITY_HEADERS: Record<string, string>;
export function cacheControl(pathname: string): string;
export function headersFile(paths: string[], base?: string): string;
