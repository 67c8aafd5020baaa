import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFKitDocument from 'pdfkit';

/**
 * Every PDF HMS writes goes through `createPdf`: Noto fonts from npm packages
 * are embedded (subset to the glyphs used), and each `text()` call is split
 * into runs by the first face that has the character, so a Devanagari name, an
 * Arabic address and an emoji print in one line. The built-in Helvetica only
 * knows Windows-1252 and printed "अनिता" as "•Y(“ù$…".
 *
 * Faces in fallback order (each with regular and bold; italic falls back to
 * Noto Sans Italic for Latin and to regular elsewhere):
 *   Noto Sans (Latin, Greek, Cyrillic, Vietnamese), Noto Sans Devanagari (Hindi,
 *   Marathi, Nepali), Noto Sans Arabic (Arabic, Urdu, Persian), Noto Emoji
 *   (monochrome emoji and symbols; PDF viewers cannot show colour bitmap fonts).
 * Add a script by adding its package and one line to FACES.
 */
const require = createRequire(__filename);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

interface Face { key: string; regular: string; bold: string; italic?: string }

const expo = (pkg: string, file: string) => (weight: string) => join(packageDir(`@expo-google-fonts/${pkg}`), weight, `${file}_${weight}.ttf`);
const notoSans = expo('noto-sans', 'NotoSans');
const devanagari = expo('noto-sans-devanagari', 'NotoSansDevanagari');
const arabic = expo('noto-sans-arabic', 'NotoSansArabic');
const emoji = expo('noto-emoji', 'NotoEmoji');

const FACES: Face[] = [
  { key: 'NotoSans', regular: notoSans('400Regular'), bold: notoSans('700Bold'), italic: notoSans('400Regular_Italic') },
  { key: 'NotoSansDevanagari', regular: devanagari('400Regular'), bold: devanagari('700Bold') },
  { key: 'NotoSansArabic', regular: arabic('400Regular'), bold: arabic('700Bold') },
  { key: 'NotoEmoji', regular: emoji('400Regular'), bold: emoji('700Bold') },
];

/** The style names callers use with `doc.font(...)`. */
export type PdfStyle = 'Regular' | 'Bold' | 'Italic';
const STYLES: PdfStyle[] = ['Regular', 'Bold', 'Italic'];

/** Font files read once per process (a few MB), shared by every document. */
let buffers: Map<string, Buffer> | null = null;
function fontBuffers(): Map<string, Buffer> {
  if (!buffers) {
    buffers = new Map();
    FACES.forEach((face, index) => {
      for (const style of STYLES) {
        const file = style === 'Bold' ? face.bold : style === 'Italic' ? (face.italic ?? face.regular) : face.regular;
        buffers!.set(fontName(index, style), readFileSync(file));
      }
    });
  }
  return buffers;
}

const fontName = (face: number, style: PdfStyle) => (face === 0 ? style : `${style}~${FACES[face].key}`);

/** Characters that belong to the run before them (marks, joiners, variation selectors, skin tones, tags). */
const JOINS_PREVIOUS = /^[\p{M}\u200c\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$/u;
/** Characters any face prints alike: they stay in the current run so a script's words are shaped together. */
const NEUTRAL = /^[\s\p{P}\p{Nd}]$/u;
/** The emoji face: text after an emoji goes back to a text face (its spaces are wide). */
const EMOJI_FACE = 3;

interface FontkitFont { hasGlyphForCodePoint(codePoint: number): boolean }
interface Run { face: number; text: string }

/** Splits text into runs of one face each: the first face that has the character, Noto Sans if none has it. */
export function splitRuns(text: string, covers: (face: number, codePoint: number) => boolean): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const current = runs[runs.length - 1];
    const codePoint = char.codePointAt(0)!;
    if (current && (JOINS_PREVIOUS.test(char) || (NEUTRAL.test(char) && current.face !== EMOJI_FACE && covers(current.face, codePoint)))) {
      current.text += char;
      continue;
    }
    let face = FACES.findIndex((_, index) => covers(index, codePoint));
    if (face < 0) face = 0;
    if (current && current.face === face) current.text += char;
    else runs.push({ face, text: char });
  }
  return runs;
}

type TextArgs = [x?: number | PDFKit.Mixins.TextOptions, y?: number, options?: PDFKit.Mixins.TextOptions];

/**
 * A PDFKit document with the HMS fonts registered as "Regular", "Bold" and
 * "Italic" (the current font starts as Regular). Use `doc.font(style)` and
 * `doc.text(...)` as usual; fallback happens inside `text`.
 */
// pdfkit (~24 MB resident with its fonts and tables) loads with the first PDF, not at start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfKit = (): typeof PDFKitDocument => require('pdfkit') as typeof PDFKitDocument;

export function createPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new (pdfKit())(options);
  for (const [name, data] of fontBuffers()) doc.registerFont(name, data);
  const setFont = doc.font.bind(doc) as (name: string, size?: number) => PDFKit.PDFDocument;
  const text = doc.text.bind(doc) as (value: string, ...rest: unknown[]) => PDFKit.PDFDocument;
  let style: PdfStyle = 'Regular';
  const faces = new Map<number, FontkitFont>();
  const use = (face: number) => {
    setFont(fontName(face, style));
    const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
    patchEncode(embedded);
    return embedded.font;
  };
  const covers = (face: number, codePoint: number) => {
    let font = faces.get(face);
    if (!font) {
      const keep = style;
      font = use(face);
      faces.set(face, font);
      style = keep;
      setFont(fontName(0, style));
    }
    return font.hasGlyphForCodePoint(codePoint);
  };

  doc.font = ((name: string, size?: number) => {
    if ((STYLES as string[]).includes(name)) style = name as PdfStyle;
    return size === undefined ? setFont(name) : setFont(name, size);
  }) as typeof doc.font;

  doc.text = ((value: unknown, ...rest: TextArgs) => {
    if (typeof value !== 'string' && typeof value !== 'number') return text(value as string, ...rest);
    const runs = splitRuns(String(value), covers);
    const [first, second, third] = rest;
    const positioned = typeof first === 'number';
    const options: PDFKit.Mixins.TextOptions = (positioned ? third : first) ?? {};
    if (runs.length <= 1) {
      use(runs[0]?.face ?? 0);
      text(String(value), ...rest);
    } else {
      runs.forEach((run, index) => {
        use(run.face);
        const last = index === runs.length - 1;
        const runOptions = { ...options, continued: last ? options.continued : true };
        if (index === 0 && positioned) text(run.text, first, second, runOptions);
        else text(run.text, runOptions);
      });
    }
    setFont(fontName(0, style));
    return doc;
  }) as typeof doc.text;

  doc.font('Regular');
  return doc;
}

/** Collects a document into one Buffer. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The bits of PDFKit's EmbeddedFont (not in its typings) that `patchEncode` works with. */
interface EmbeddedFont {
  font: FontkitFont & GlyphLookup;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
  hmsLogicalText?: Map<string, number>;
}
interface Glyph { id: number; codePoints: number[]; advanceWidth: number }
interface GlyphLookup { glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number } }

/**
 * Text extraction (copy-paste, search, screen readers, pdf-parse) reads the
 * glyphs in drawing order through each glyph's ToUnicode entry, and pdf.js
 * counts a glyph whose text holds a non-spacing mark (virama, most vowel signs,
 * variation selectors) as zero wide. Indic shaping breaks both: "नि" is drawn
 * ि then न (read "अिनता"), and the half form ज् is a wide glyph that reads with a
 * virama (read "ज् वर", a space where pdf.js lost its width).
 *
 * So each drawn glyph gets the text that belongs at its place in logical order
 * (a duplicate of the glyph in the subset when that differs from its own), wide
 * glyphs read only spacing characters, and the non-spacing marks ride on added
 * invisible zero-width glyphs (a copy of the space glyph with width 0). What is
 * drawn, and where, does not change. Right-to-left runs are left alone:
 * extractors reorder those themselves.
 */
function patchEncode(font: EmbeddedFont): void {
  if (font.hmsLogicalText || typeof font.encode !== 'function' || !font.subset) return;
  font.hmsLogicalText = new Map();
  const scale = (font as unknown as { scale: number }).scale;
  const space = font.font.glyphForCodePoint(0x20).id;
  font.encode = function encode(this: EmbeddedFont, text: string, features?: unknown): [string[], unknown[]] {
    const { glyphs, positions } = this.layout(text, features) as { glyphs: Glyph[]; positions: Position[] };
    const plan = readingPlan(text, glyphs, positions);
    const gidFor = (glyphId: number, codePoints: number[], width: number, invisible: boolean) => {
      let gid = this.subset.includeGlyph(glyphId);
      if (invisible && this.unicode[gid] == null) {
        // The space glyph itself, included only to be copied: it reads and advances as a space.
        this.unicode[gid] = [0x20];
        this.widths[gid] = glyphs.length ? this.font.glyphForCodePoint(0x20).advanceWidth * scale : 0;
      }
      if (!invisible) {
        if (this.unicode[gid] == null) this.unicode[gid] = codePoints;
        if (this.widths[gid] == null) this.widths[gid] = width;
        if (this.unicode[gid].join(',') === codePoints.join(',')) return gid;
      }
      const key = `${invisible ? 'invisible' : glyphId}:${codePoints.join(',')}`;
      let dup = this.hmsLogicalText!.get(key);
      if (dup === undefined) {
        this.subset.glyphs.push(glyphId);
        dup = this.subset.glyphs.length - 1;
        this.hmsLogicalText!.set(key, dup);
        this.unicode[dup] = codePoints;
        this.widths[dup] = invisible ? 0 : width;
      }
      gid = dup;
      return gid;
    };
    const res: string[] = [];
    const out: Position[] = [];
    for (const item of plan) {
      if (item.glyph < 0) {
        res.push(hex(gidFor(space, item.text, 0, true)));
        out.push({ xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: 0 });
      } else {
        const glyph = glyphs[item.glyph];
        res.push(hex(gidFor(glyph.id, item.text, glyph.advanceWidth * scale, false)));
        out.push(positions[item.glyph]);
      }
    }
    return [res, foldOffsets(out)];
  };
}

const hex = (gid: number) => `0000${gid.toString(16)}`.slice(-4);

interface Position { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }

/**
 * PDFKit draws a glyph with an x offset (a vowel sign or mark placed over its
 * base) with a fresh text matrix; extractors read that jump as a gap and put a
 * space inside the word. The same placement as spacing between glyphs (in TJ)
 * draws identically and reads as one word.
 */
function foldOffsets(positions: Position[]): Position[] {
  const out = positions.map((p) => ({ ...p }));
  for (let i = 1; i < out.length; i += 1) {
    const p = out[i];
    if (!p.xOffset || p.yOffset) continue;
    out[i - 1].xAdvance += p.xOffset;
    p.xAdvance -= p.xOffset;
    p.xOffset = 0;
  }
  return out;
}

const MARK = /^\p{M}/u;
const NON_SPACING = /^\p{Mn}$/u;
const isNonSpacing = (codePoint: number) => NON_SPACING.test(String.fromCodePoint(codePoint));
const ZWNJ = 0x200c; // reads as nothing (pdf.js skips format characters)

/** One glyph to write: a drawn glyph of the layout (its index) or -1 for an invisible one, and what it reads as. */
interface PlanItem { glyph: number; text: number[] }

/**
 * The glyphs to write and what each reads as. Glyphs are cut into the shortest
 * groups that hold their own logical order (a consonant cluster and its
 * reordered vowel sign), extended over following glyphs that start with a mark.
 * A group whose glyphs are in logical order and read without non-spacing marks
 * on wide glyphs is written as laid out; the others are dealt out in logical
 * order: one spacing character per wide glyph (the rest up to the next mark on
 * the last), marks on zero-width glyphs or on invisible ones.
 */
function readingPlan(text: string, laidOut: Glyph[], positions: Position[]): PlanItem[] {
  const glyphs = restoreCodePoints(text, laidOut);
  // A glyph the shaper added without text of its own (the second half of ई) reads as nothing; an empty
  // ToUnicode entry made extractors print its glyph id instead ("देसाइ\u0014").
  const plain = glyphs.map((glyph, index) => ({ glyph: index, text: glyph.codePoints.length ? glyph.codePoints : [ZWNJ] }));
  const order = logicalOrder(text, glyphs);
  if (!order) return plain;
  const wide = (slot: number) => positions[slot].xAdvance > 0;
  const startsWithMark = (slot: number) => {
    const first = glyphs[order[slot]].codePoints[0];
    return first !== undefined && MARK.test(String.fromCodePoint(first));
  };
  const plan: PlanItem[] = [];
  for (let start = 0; start < order.length;) {
    let end = start;
    let reach = order[start];
    for (;;) {
      if (end < reach) end += 1;
      else if (end + 1 < order.length && startsWithMark(end + 1)) end += 1;
      else break;
      reach = Math.max(reach, order[end]);
    }
    const slots = Array.from({ length: end - start + 1 }, (_, i) => start + i);
    const reordered = slots.some((slot) => order[slot] !== slot);
    const markOnWide = slots.some((slot) => wide(slot) && glyphs[slot].codePoints.some(isNonSpacing));
    const all = slots.flatMap((slot) => glyphs[order[slot]].codePoints);
    const spacing = all.filter((cp) => !isNonSpacing(cp)).length;
    const wideCount = slots.filter(wide).length;
    if ((!reordered && !markOnWide) || spacing < wideCount) {
      for (const slot of slots) plan.push(plain[slot]);
    } else {
      let at = 0;
      slots.forEach((slot, i) => {
        let marks = at;
        while (marks < all.length && isNonSpacing(all[marks])) marks += 1;
        if (!wide(slot)) {
          plan.push({ glyph: slot, text: marks > at ? all.slice(at, marks) : [ZWNJ] });
          at = marks;
          return;
        }
        if (marks > at) plan.push({ glyph: -1, text: all.slice(at, marks) });
        at = marks;
        const lastWide = !slots.slice(i + 1).some(wide);
        let until = at + 1;
        if (lastWide) while (until < all.length && !isNonSpacing(all[until])) until += 1;
        plan.push({ glyph: slot, text: all.slice(at, until) });
        at = until;
      });
      if (at < all.length) plan.push({ glyph: -1, text: all.slice(at) });
    }
    start = end + 1;
  }
  return plan;
}

/**
 * A shaper that splits a character into glyphs (Noto's ई: the इ glyph and a tail) labels the
 * first with the text of its cmap entry (इ) and the tail with none, so ई read back as इ. Where
 * such glyphs claim characters the text does not hold, and the text holds as many that no glyph
 * claims, those glyphs get the unclaimed characters in order (copies: the layout is cached).
 */
function restoreCodePoints(text: string, glyphs: Glyph[]): Glyph[] {
  const unclaimed = new Map<number, number>();
  for (const char of text) unclaimed.set(char.codePointAt(0)!, (unclaimed.get(char.codePointAt(0)!) ?? 0) + 1);
  const strangers: number[] = [];
  glyphs.forEach((glyph, index) => {
    if (glyph.codePoints.length !== 1) {
      for (const cp of glyph.codePoints) unclaimed.set(cp, (unclaimed.get(cp) ?? 0) - 1);
      return;
    }
    const cp = glyph.codePoints[0];
    if ((unclaimed.get(cp) ?? 0) > 0) unclaimed.set(cp, unclaimed.get(cp)! - 1);
    // Only the split pattern (a glyph, then a tail without text); fontkit caches glyphs by id, so other
    // mismatches are not evidence enough to move text around.
    else if (glyphs[index + 1]?.codePoints.length === 0) strangers.push(index);
    else unclaimed.set(cp, (unclaimed.get(cp) ?? 0) - 1);
  });
  if (!strangers.length) return glyphs;
  const missing: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if ((unclaimed.get(cp) ?? 0) > 0) { missing.push(cp); unclaimed.set(cp, unclaimed.get(cp)! - 1); }
  }
  if (missing.length !== strangers.length) return glyphs;
  const out = glyphs.slice();
  strangers.forEach((index, i) => { out[index] = Object.create(glyphs[index], { codePoints: { value: [missing[i]] } }) as Glyph; });
  return out;
}

/**
 * The glyph indexes in the order their text appears in `text`, or null for a
 * right-to-left run. Greedy: at each point of the
 * text take the first unused glyph whose text starts there.
 */
function logicalOrder(text: string, glyphs: Glyph[]): number[] | null {
  if (glyphs.length < 2 || /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u.test(text)) return null;
  const codePoints = [...text].map((c) => c.codePointAt(0)!);
  const used = new Array<boolean>(glyphs.length).fill(false);
  const order: number[] = [];
  let at = 0;
  while (order.length < glyphs.length) {
    let found = -1;
    if (at < codePoints.length) {
      found = glyphs.findIndex((g, i) => !used[i] && g.codePoints.length > 0 && g.codePoints[0] === codePoints[at]);
    }
    if (found < 0) found = used.indexOf(false);
    used[found] = true;
    order.push(found);
    at += Math.max(1, glyphs[found].codePoints.length);
  }
  return order;
}
