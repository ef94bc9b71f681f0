declare module 'virtual:kartu-early' {
	/** The early script (src/lib/db/early/early.ts) bundled into one classic script's text (vite.config.ts). */
	const script: string;
	export default script;
}
