export interface Couch {
	/** http://localhost:<port> */
	url: string;
	port: number;
	admin: { name: string; password: string };
	close(): Promise<void>;
}
export declare const ADMIN: { name: string; password: string };
export declare function startCouch(port?: number, host?: string): Promise<Couch>;
