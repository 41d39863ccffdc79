import { describe, expect, it } from 'vitest';
import { png } from '@/test/png';
import { MAX_LOGO_BYTES } from './limits';
import { checkLogo } from './logo';

const svg = (body: string, attributes = '') => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${body}</svg>`);

describe('checkLogo', () => {
  it('takes a PNG and an ordinary SVG with gradients, local references and Inkscape metadata', () => {
    expect(checkLogo(png(120, 40))).toEqual({ ok: true, contentType: 'image/png' });
    const logo = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#00f"/></linearGradient><path id="p" d="M0 0h10v10z"/></defs>' +
        '<use href="#p" fill="url(#g)"/><use xlink:href="#p" style="fill: url(\'#g\')"/><style>.a { fill: #123 }</style>' +
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/><title>Kommunens logo</title>',
    );
    expect(checkLogo(logo)).toEqual({ ok: true, contentType: 'image/svg+xml' });
  });

  it.each([
    ['a script element', svg('<script>alert(1)</script>')],
    ['an event handler', svg('<rect width="1" height="1" onclick="alert(1)"/>')],
    ['an onload on the root', svg('', ' onload="alert(1)"')],
    ['foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>')],
    ['an HTML element', svg('<div xmlns="http://www.w3.org/1999/xhtml">x</div>')],
    ['an external image', svg('<image href="https://tracker.example/pixel.png" width="1" height="1"/>')],
    ['an external xlink:href', svg('<use xlink:href="https://evil.example/sprite.svg#a"/>')],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><text>x</text></a>')],
    ['a data: reference', svg('<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="1" height="1"/>')],
    ['an external url() in a style attribute', svg('<rect style="fill: url(https://evil.example/x.svg#p)"/>')],
    ['an @import in a style element', svg('<style>@import url("https://evil.example/a.css");</style>')],
    ['an escaped url in a style element', svg('<style>rect { fill: \\75 rl(https://evil.example) }</style>')],
    ['an animation that sets href', svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>')],
    ['a DOCTYPE with entities', Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>')],
    ['a stylesheet processing instruction', Buffer.from('<?xml-stylesheet href="https://evil.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])('refuses an SVG with %s', (_, bytes) => {
    expect(checkLogo(bytes)).toMatchObject({ ok: false, problem: 'unsafeSvg' });
  });

  it('refuses what is not a PNG or an SVG, or is one badly', () => {
    expect(checkLogo(Buffer.alloc(0))).toMatchObject({ problem: 'empty' });
    expect(checkLogo(Buffer.from('%PDF-1.4\n%%EOF\n'))).toMatchObject({ problem: 'notImage' });
    expect(checkLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toMatchObject({ problem: 'notImage' });
    // A PNG signature with nothing after it, and one cut short (no IEND).
    expect(checkLogo(png(10, 10).subarray(0, 8))).toMatchObject({ problem: 'notImage' });
    expect(checkLogo(png(10, 10).subarray(0, 40))).toMatchObject({ problem: 'notImage' });
    expect(checkLogo(png(5000, 10))).toMatchObject({ problem: 'badDimensions' });
    expect(checkLogo(png(0, 10))).toMatchObject({ problem: 'badDimensions' });
    expect(checkLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'))).toMatchObject({ problem: 'invalidSvg' });
    expect(checkLogo(Buffer.from('<html><body><svg></svg></body></html>'))).toMatchObject({ problem: 'invalidSvg' });
    expect(checkLogo(Buffer.concat([svg(''), Buffer.alloc(MAX_LOGO_BYTES)]))).toMatchObject({ problem: 'tooLarge' });
  });
});
