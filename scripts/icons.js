// Draws Kartu's app icons (static/icons/*.png) from the favicon's two cards (static/favicon.svg):
// `npm run icons`. The PNGs are committed; run this again only to change them. Plain Node: shapes
// are rasterised here with 4×4 samples a pixel, and the PNG written with zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = new URL('../static/icons/', import.meta.url);

/** The app's accent (src/app.css, light theme) behind the cards, and the favicon's shapes on it. */
const ACCENT = [179, 38, 30];
const WHITE = [255, 255, 255];
const TINT = [236, 168, 163];

/**
 * The favicon's drawing, in its own 32-unit box: the card behind, the card in front (with an accent
 * border that parts it from the one behind), and the line on it. Each shape is a signed distance.
 */
const SHAPES = [
	{ colour: TINT, inside: (x, y) => roundRect(x, y, 4, 6, 22, 16, 3) },
	{ colour: ACCENT, inside: (x, y) => roundRect(x, y, 6, 9, 24, 18, 4) },
	{ colour: WHITE, inside: (x, y) => roundRect(x, y, 7.5, 10.5, 21, 15, 2.5) },
	{ colour: ACCENT, inside: (x, y) => segment(x, y, 12, 18, 24, 18) - 1.1 }
];
/** The middle of the drawing, which goes to the middle of the icon. */
const CENTRE = [17, 16.5];

/** Distance from (x, y) to a rounded rectangle: negative inside. */
function roundRect(x, y, left, top, width, height, radius) {
	const dx = Math.abs(x - (left + width / 2)) - width / 2 + radius;
	const dy = Math.abs(y - (top + height / 2)) - height / 2 + radius;
	return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
}

/** Distance from (x, y) to the segment (x1, y1)–(x2, y2). */
function segment(x, y, x1, y1, x2, y2) {
	const [vx, vy] = [x2 - x1, y2 - y1];
	const t = Math.max(0, Math.min(1, ((x - x1) * vx + (y - y1) * vy) / (vx * vx + vy * vy)));
	return Math.hypot(x - x1 - t * vx, y - y1 - t * vy);
}

/**
 * An icon `size` pixels square: the cards at `scale` pixels a unit on the accent, which fills the
 * square (`full`: a maskable or Apple icon, whose platform cuts its shape) or a rounded square.
 */
function draw(size, scale, full) {
	const rgba = Buffer.alloc(size * size * 4);
	const N = 4;
	for (let py = 0; py < size; py++)
		for (let px = 0; px < size; px++) {
			let [r, g, b, a] = [0, 0, 0, 0];
			for (let sy = 0; sy < N; sy++)
				for (let sx = 0; sx < N; sx++) {
					const x = px + (sx + 0.5) / N;
					const y = py + (sy + 0.5) / N;
					if (!full && roundRect(x, y, 0, 0, size, size, size * 0.22) > 0) continue;
					const ux = (x - size / 2) / scale + CENTRE[0];
					const uy = (y - size / 2) / scale + CENTRE[1];
					let colour = ACCENT;
					for (const shape of SHAPES) if (shape.inside(ux, uy) <= 0) colour = shape.colour;
					r += colour[0];
					g += colour[1];
					b += colour[2];
					a += 255;
				}
			const i = (py * size + px) * 4;
			const n = N * N;
			// Colours summed over covered samples only, so edges keep their colour and fade by alpha.
			const covered = a / 255 || 1;
			rgba[i] = Math.round(r / covered);
			rgba[i + 1] = Math.round(g / covered);
			rgba[i + 2] = Math.round(b / covered);
			rgba[i + 3] = Math.round(a / n);
		}
	return png(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes) {
	let c = 0xffffffff;
	for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'ascii');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** A PNG of 8-bit RGBA pixels (colour type 6), each row with filter 0. */
function png(width, height, rgba) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8);
	const rows = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++)
		rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

// The cards take about 60% of an icon; on a maskable one they stay inside the safe circle (80%).
const ICONS = [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	['maskable-512.png', 512, true],
	['apple-touch-icon.png', 180, true]
];
mkdirSync(OUT, { recursive: true });
for (const [name, size, full] of ICONS) {
	writeFileSync(new URL(name, OUT), draw(size, size * 0.023, full));
	console.log(`static/icons/${name}: ${size}×${size}`);
}
