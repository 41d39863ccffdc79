import { SaxesParser, type SaxesTagNS } from 'saxes';
import { MAX_LOGO_BYTES } from './limits';

// The municipality's logo, checked by its content before it is stored. A PNG must be one (its
// signature, a first IHDR chunk with sane dimensions, and an IEND at the end). An SVG is parsed
// as XML and refused if it could run or fetch anything: scripts, event handlers, foreignObject
// or HTML, external references (href, url(), @import), a DOCTYPE (entities) or a stylesheet
// processing instruction. The route serves it with a strict Content-Security-Policy as well.

/** Pixels per side; a logo larger than this is a mistake, not a logo. */
export const MAX_PNG_SIDE = 4096;

export type LogoContentType = 'image/png' | 'image/svg+xml';
export type LogoProblem = 'empty' | 'tooLarge' | 'notImage' | 'badDimensions' | 'invalidSvg' | 'unsafeSvg';
export type LogoCheck = { ok: true; contentType: LogoContentType } | { ok: false; problem: LogoProblem; detail?: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

const SVG_NS = 'http://www.w3.org/2000/svg';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const FORBIDDEN_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);

function checkPng(bytes: Uint8Array): LogoCheck {
  if (bytes.length < 8 + 25 + 12 || !startsWith(bytes, PNG_IEND, bytes.length - PNG_IEND.length)) return { ok: false, problem: 'notImage' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (view.getUint32(8) !== 13 || chunkType !== 'IHDR') return { ok: false, problem: 'notImage' };
  const [width, height] = [view.getUint32(16), view.getUint32(20)];
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) return { ok: false, problem: 'badDimensions', detail: `${width}×${height}` };
  return { ok: true, contentType: 'image/png' };
}

/** A reference that stays inside the document: "#id", or url(#id). */
const isLocalReference = (value: string) => value.trim().startsWith('#');

/** Whether CSS text (a style attribute or element, a presentation attribute) fetches anything. */
function cssFetches(css: string): boolean {
  // Escapes could spell url( or @import in a way the patterns below do not see: refused.
  if (/@import|\\/i.test(css)) return true;
  const references = [...css.matchAll(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)/gi)];
  // A url( the pattern could not read is refused rather than guessed at.
  return references.length !== (css.match(/url\s*\(/gi)?.length ?? 0) || references.some((match) => !isLocalReference(match[2] ?? ''));
}

function unsafeAttribute(element: SaxesTagNS): string | null {
  for (const attribute of Object.values(element.attributes)) {
    const name = attribute.local.toLowerCase();
    const value = attribute.value;
    if (name.startsWith('on')) return `event handler ${attribute.name}`;
    if (name === 'href' && !isLocalReference(value)) return `external reference ${attribute.name}="${value.slice(0, 80)}"`;
    // Animations that set an href or a handler would get round the two checks above.
    if (name === 'attributename' && /^(on|href$|xlink:href$)/i.test(value.trim())) return `animated ${value}`;
    if (/javascript:/i.test(value.replace(/\s+/g, ''))) return `javascript: in ${attribute.name}`;
    if (cssFetches(value)) return `external reference in ${attribute.name}`;
  }
  return null;
}

function checkSvg(bytes: Uint8Array): LogoCheck {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: 'notImage' };
  }
  if (!/<svg[\s>]/.test(text)) return { ok: false, problem: 'notImage' };
  const parser = new SaxesParser({ xmlns: true });
  let unsafe: string | null = null;
  let root: SaxesTagNS | null = null;
  let inStyle = 0;
  const refuse = (reason: string) => {
    unsafe ??= reason;
  };
  parser.on('doctype', () => refuse('DOCTYPE'));
  parser.on('processinginstruction', ({ target }) => refuse(`processing instruction ${target}`));
  parser.on('opentag', (element) => {
    root ??= element;
    const local = element.local.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(local)) refuse(`element ${element.name}`);
    if (element.uri === XHTML_NS) refuse(`HTML element ${element.name}`);
    if (local === 'style') inStyle += 1;
    const attribute = unsafeAttribute(element);
    if (attribute) refuse(attribute);
  });
  parser.on('closetag', (element) => {
    if (element.local.toLowerCase() === 'style') inStyle -= 1;
  });
  const styleText = (css: string) => {
    if (inStyle > 0 && cssFetches(css)) refuse('external reference in a style element');
  };
  parser.on('text', styleText);
  parser.on('cdata', styleText);
  try {
    parser.write(text).close();
  } catch (error) {
    // A DOCTYPE's entities make the parser stop: what was unsafe before the error is the reason.
    if (unsafe) return { ok: false, problem: 'unsafeSvg', detail: unsafe };
    return { ok: false, problem: 'invalidSvg', detail: error instanceof Error ? error.message : String(error) };
  }
  const top = root as SaxesTagNS | null;
  if (!top || top.local !== 'svg' || top.uri !== SVG_NS) return { ok: false, problem: 'invalidSvg', detail: 'the root is not an SVG element' };
  if (unsafe) return { ok: false, problem: 'unsafeSvg', detail: unsafe };
  return { ok: true, contentType: 'image/svg+xml' };
}

/** Whether the bytes are a logo the app will store and show, and as what. */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, problem: 'tooLarge' };
  if (startsWith(bytes, PNG_SIGNATURE)) return checkPng(bytes);
  return checkSvg(bytes);
}
