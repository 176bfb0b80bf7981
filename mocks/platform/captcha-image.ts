/**
 * The captcha picture: the answer drawn as a 5×7 dot-matrix font in SVG paths (no font, no text node for a
 * scraper to read), each character tilted and shifted, over noise lines. No image library: the result is a
 * `data:` URI that drops into `<img src>` anywhere.
 * @module
 */
import { toBase64 } from '../core/encoding.js';
import type { Random } from '../core/random.js';

/** The captcha alphabet: no 0/O, 1/I/L, which people confuse. */
export const CAPTCHA_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

// Rows top to bottom, `#` is ink.
const GLYPHS: Record<string, string> = {
  '2': '.###.|#...#|....#|...#.|..#..|.#...|#####',
  '3': '#####|...#.|..#..|...#.|....#|#...#|.###.',
  '4': '...#.|..##.|.#.#.|#..#.|#####|...#.|...#.',
  '5': '#####|#....|####.|....#|....#|#...#|.###.',
  '6': '..##.|.#...|#....|####.|#...#|#...#|.###.',
  '7': '#####|....#|...#.|..#..|.#...|.#...|.#...',
  '8': '.###.|#...#|#...#|.###.|#...#|#...#|.###.',
  '9': '.###.|#...#|#...#|.####|....#|...#.|.##..',
  A: '.###.|#...#|#...#|#####|#...#|#...#|#...#',
  B: '####.|#...#|#...#|####.|#...#|#...#|####.',
  C: '.###.|#...#|#....|#....|#....|#...#|.###.',
  D: '###..|#..#.|#...#|#...#|#...#|#..#.|###..',
  E: '#####|#....|#....|####.|#....|#....|#####',
  F: '#####|#....|#....|####.|#....|#....|#....',
  G: '.###.|#...#|#....|#.###|#...#|#...#|.####',
  H: '#...#|#...#|#...#|#####|#...#|#...#|#...#',
  J: '..###|...#.|...#.|...#.|...#.|#..#.|.##..',
  K: '#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#',
  M: '#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#',
  N: '#...#|#...#|##..#|#.#.#|#..##|#...#|#...#',
  P: '####.|#...#|#...#|####.|#....|#....|#....',
  Q: '.###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#',
  R: '####.|#...#|#...#|####.|#.#..|#..#.|#...#',
  S: '.####|#....|#....|.###.|....#|....#|####.',
  T: '#####|..#..|..#..|..#..|..#..|..#..|..#..',
  U: '#...#|#...#|#...#|#...#|#...#|#...#|.###.',
  V: '#...#|#...#|#...#|#...#|#...#|.#.#.|..#..',
  W: '#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.',
  X: '#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#',
  Y: '#...#|#...#|.#.#.|..#..|..#..|..#..|..#..',
  Z: '#####|....#|...#.|..#..|.#...|#....|#####',
};

const WIDTH = 120;
const HEIGHT = 40;
const DOT = 4;
const INKS = ['#1f3a93', '#6b2d5c', '#0b6e4f', '#8a3b12', '#2d3436'];

/**
 * The SVG of `answer` as a `data:image/svg+xml;base64,…` URI. Jitter comes from `random`, so a seeded server
 * draws the same picture for the same captcha.
 *
 * @example
 * const image = captchaImage('7KQM', ctx.random);
 */
export function captchaImage(answer: string, random: Random): string {
  const parts: string[] = [`<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f1ea"/>`];
  for (let i = 0; i < 4; i++) {
    const [x1, y1, x2, y2] = [random.int(WIDTH), random.int(HEIGHT), random.int(WIDTH), random.int(HEIGHT)];
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${INKS[random.int(INKS.length)]}" stroke-width="1" opacity="0.5"/>`);
  }
  [...answer].forEach((char, index) => {
    const rows = (GLYPHS[char] ?? GLYPHS['8']!).split('|');
    const left = 8 + index * 27 + random.int(5);
    const top = 4 + random.int(6);
    const angle = random.int(25) - 12;
    let d = '';
    rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) if (row[x] === '#') d += `M${left + x * DOT} ${top + y * DOT}h${DOT}v${DOT}h-${DOT}z`;
    });
    const cx = left + 2.5 * DOT;
    const cy = top + 3.5 * DOT;
    parts.push(`<path d="${d}" fill="${INKS[random.int(INKS.length)]}" transform="rotate(${angle} ${cx} ${cy})"/>`);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
  return `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`;
}
