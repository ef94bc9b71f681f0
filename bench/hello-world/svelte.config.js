// The hello-world SvelteKit app that bench/size.ts builds beside Kartu, with the repo's installed
// packages (same versions), as a baseline for the JavaScript a home page loads. Its output goes to
// bench/out/hello-world/ (gitignored).
import adapter from '@sveltejs/adapter-static';

const out = process.env.HELLO_WORLD_OUT ?? '../out/hello-world';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ pages: `${out}/build`, assets: `${out}/build`, strict: true }),
		outDir: `${out}/.svelte-kit`,
		paths: { relative: true }
	}
};

export default config;
