import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../clock';
import { createTestApp, type TestApp } from '../../test/harness';
import { createAdmin, createDoctor, insertAppointment, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../test/factories';

/**
 * Issue 15 item 1: a patient registered as "अनिता देसाई" printed as "•Y(“ù$…"
 * on the invoice and as boxes on the history; an emoji as "Ø=Þ". Every PDF now
 * embeds Noto fonts with per-run fallback: the text comes back out of the file
 * (pdf-parse) and the page, rendered (pdf.js on a canvas), shows the same ink as
 * the same string drawn with the same font by Skia (HarfBuzz shaping).
 */
const NAME = 'अनिता देसाई';
const DIAGNOSIS = 'ज्वर (fever) 🤒, श्रीवास्तव';
const RECORD = 'mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id } }';

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let patient: PatientSession;
let visit: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  patient = await registerPatient(t, { fullName: NAME });
  visit = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(clock.nowMs() - 3 * 3600_000), status: 'COMPLETED' });
  await t.ok(RECORD, { a: visit, input: { diagnosis: DIAGNOSIS, medicines: [{ name: 'पैरासिटामोल 500', instructions: 'خذ بعد الأكل' }] } }, doctor.token);
});
afterAll(async () => { await t.close(); });

async function download(path: string, token: string): Promise<Uint8Array> {
  const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  return new Uint8Array(await response.arrayBuffer());
}

async function text(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes.slice() });
  try { return (await parser.getText()).text; } finally { await parser.destroy(); }
}

const require = createRequire(__filename);
const fontFile = (pkg: string, file: string) => join(dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`)), '400Regular', `${file}_400Regular.ttf`);

/** Dark pixels per column of an RGBA image region, as a profile from its first to last inked column. */
function inkProfile(data: Uint8ClampedArray | Uint8Array, width: number, x0: number, y0: number, w: number, h: number): number[] {
  const columns: number[] = [];
  for (let x = x0; x < x0 + w; x += 1) {
    let ink = 0;
    for (let y = y0; y < y0 + h; y += 1) {
      const i = (y * width + x) * 4;
      if (data[i + 3] > 0 && data[i] + data[i + 1] + data[i + 2] < 3 * 128) ink += 1;
    }
    columns.push(ink);
  }
  const first = columns.findIndex((c) => c > 0);
  const last = columns.length - 1 - [...columns].reverse().findIndex((c) => c > 0);
  return first < 0 ? [] : columns.slice(first, last + 1);
}

/**
 * Renders page 1 and returns the ink profile of the text item holding `needle`,
 * beside the profile of the same string drawn by Skia with Noto Sans Devanagari.
 */
async function renderedBeside(bytes: Uint8Array, needle: string): Promise<{ pdf: number[]; skia: number[] }> {
  const scale = 3;
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const shot = await parser.getScreenshot({ partial: [1], scale, imageDataUrl: false, imageBuffer: true });
    const page = shot.pages[0];
    const { loadImage } = await import('@napi-rs/canvas');
    const image = await loadImage(Buffer.from(page.data));
    const canvas = createCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, image.width, image.height).data;

    // Where the text item is: pdf.js positions (PDF points, origin bottom left).
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
    const pdfPage = await pdf.getPage(1);
    const viewport = pdfPage.getViewport({ scale });
    const items = (await pdfPage.getTextContent()).items as Array<{ str: string; transform: number[]; width: number; height: number }>;
    const item = items.find((i) => i.str.includes(needle));
    expect(item, `a text item with ${needle}`).toBeDefined();
    const size = item!.transform[0];
    const [x, baseline] = viewport.convertToViewportPoint(item!.transform[4], item!.transform[5]);

    // The same string drawn by Skia with the same font and size: the reference ink.
    GlobalFonts.registerFromPath(fontFile('noto-sans-devanagari', 'NotoSansDevanagari'), 'HMS Test Devanagari');
    GlobalFonts.registerFromPath(fontFile('noto-sans', 'NotoSans'), 'HMS Test Latin');
    // Above the baseline by 1.05 em and below by 0.3: the line's ink, not its neighbours'.
    const height = Math.ceil(size * scale * 1.35);
    const reference = createCanvas(Math.ceil(item!.width * scale) + 40, height);
    const rctx = reference.getContext('2d');
    rctx.fillStyle = 'white';
    rctx.fillRect(0, 0, reference.width, reference.height);
    rctx.fillStyle = 'black';
    rctx.font = `${size * scale}px "HMS Test Devanagari", "HMS Test Latin"`;
    rctx.fillText(needle, 10, size * scale * 1.05);
    const skia = inkProfile(rctx.getImageData(0, 0, reference.width, reference.height).data, reference.width, 0, 0, reference.width, reference.height);

    // The PDF's pixels from the item's start, as wide as the reference and a little more (the item may go on after the needle).
    const text = items.filter((i) => i.str.includes(needle))[0].str;
    expect(text.startsWith(needle), `the item starts with ${needle}: ${text}`).toBe(true);
    const box = { x: Math.floor(x) - 2, y: Math.round(baseline - size * scale * 1.05), w: Math.ceil(skia.length * 1.03) + 4, h: height };
    const rendered = inkProfile(pixels, image.width, box.x, box.y, box.w, box.h);
    await pdf.destroy();
    return { pdf: rendered, skia };
  } finally {
    await parser.destroy();
  }
}

/** Pearson correlation of two profiles, the first resampled to the second's length. */
function correlation(a: number[], b: number[]): number {
  const x = b.map((_, i) => a[Math.min(a.length - 1, Math.floor((i * a.length) / b.length))]);
  const mean = (v: number[]) => v.reduce((s, n) => s + n, 0) / v.length;
  const [mx, my] = [mean(x), mean(b)];
  let num = 0; let dx = 0; let dy = 0;
  for (let i = 0; i < b.length; i += 1) { num += (x[i] - mx) * (b[i] - my); dx += (x[i] - mx) ** 2; dy += (b[i] - my) ** 2; }
  return num / Math.sqrt(dx * dy);
}

/**
 * The rendered name has the reference's width (±8%) and the same ink column by
 * column (correlation > 0.8): real Devanagari glyphs, not boxes or Latin garbage.
 */
function expectSameInk({ pdf, skia }: { pdf: number[]; skia: number[] }) {
  expect(skia.length).toBeGreaterThan(50);
  expect(Math.abs(pdf.length - skia.length) / skia.length).toBeLessThan(0.08);
  expect(correlation(pdf, skia)).toBeGreaterThan(0.8);
}

describe('PDFs print every script', () => {
  it('the invoice PDF carries the Devanagari name as text and as glyphs', async () => {
    const invoice = (await t.ok('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id } }', { id: visit }, admin.token)).issueInvoice;
    const bytes = await download(`/exports/invoices/${invoice.id}.pdf`, patient.token);
    expect(await text(bytes)).toContain(NAME);
    expectSameInk(await renderedBeside(bytes, NAME));
  });

  it('the history PDF carries name, diagnosis (conjuncts, emoji) and medicines', async () => {
    const bytes = await download(`/exports/patients/${patient.patientId}/history.pdf`, patient.token);
    const extracted = await text(bytes);
    expect(extracted).toContain(NAME);
    expect(extracted).toContain(DIAGNOSIS);
    expect(extracted).toContain('पैरासिटामोल 500');
    expect(extracted).not.toMatch(/Ø=Þ|\?\?\?/);
    expectSameInk(await renderedBeside(bytes, NAME));
  });
});
