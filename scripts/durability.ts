// npm run test:durability — kills the browser's whole process group 0-50 ms after a grade, TRIALS
// times at each delay (50 by default), restarts it on the same profile and counts the answers kept.
// Serves the build/ folder (npm run build first). The end-to-end suite runs a few trials of the same
// (tests/durability.e2e.ts); this prints the whole table.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBuild } from '../bench/lib';
import { gradeThenKill } from '../tests/kill';

const trials = Number(process.env.TRIALS ?? 50);
const delays = (process.env.DELAYS ?? '0,1,2,5,10,20,50').split(',').map(Number);
const server = await serveBuild(Number(process.env.DURABILITY_PORT ?? 4340));
// A new profile every PER_PROFILE trials, so that today's new cards never run out.
const PER_PROFILE = 15;
const profiles: string[] = [];
let trial = 0;
const profile = () => {
	if (trial++ % PER_PROFILE === 0) profiles.push(mkdtempSync(join(tmpdir(), 'kartu-durability-')));
	return profiles.at(-1)!;
};
console.log(`| delay after the key press | answers lost | trials |\n| --: | --: | --: |`);
let lostAtFive = 0;
try {
	for (const delay of delays) {
		let lost = 0;
		for (let i = 0; i < trials; i++)
			if (!(await gradeThenKill(server.url, profile(), delay))) lost++;
		if (delay >= 5) lostAtFive += lost;
		console.log(`| ${delay} ms | ${lost} | ${trials} |`);
	}
} finally {
	server.stop();
	for (const p of profiles) rmSync(p, { recursive: true, force: true });
}
console.log(
	`\nTarget: none lost at 5 ms or more: ${lostAtFive === 0 ? 'met' : `${lostAtFive} lost, not met`}`
);
process.exit(lostAtFive === 0 ? 0 : 1);
