import {
  cssReferences,
  decodeAttribute,
  htmlPageReferences,
  pageHasForm,
  rewriteCssReferences,
  rewriteHtmlPage,
} from '../../../server/site-export/references';

describe('references in pages and style sheets', () => {
  const page = [
    '<link rel="stylesheet" href="/static/css/site.css">',
    '<a class="x" href="/?comite&#x3D;article5&amp;year&#x3D;2026">filtre</a>',
    "<img alt='' src='/static/favicon.svg'>",
    '<a href = "#contenu">aller</a>',
    '<canvas data-chart="{&quot;href&quot;:&quot;/no&quot;}" data-src="/no"></canvas>',
    '<img srcset="/no 2x" src="/static/a.png">',
    '<p>href="/not-an-attribute" in text stays</p>',
  ].join('\n');

  test('every href and src attribute is found, decoded as the browser reads it; data attributes are not links', () => {
    expect(htmlPageReferences(Buffer.from(page))).toEqual([
      '/static/css/site.css',
      '/?comite=article5&year=2026',
      '/static/favicon.svg',
      '#contenu',
      '/static/a.png',
    ]);
  });

  test('rewriting replaces the value, re-escaped, and keeps what the rewrite leaves alone', () => {
    const out = rewriteHtmlPage(Buffer.from(page), (ref) => (ref.startsWith('/') ? `x${ref.length}&"` : null)).toString();
    expect(out).toContain('<link rel="stylesheet" href="x20&amp;&quot;">');
    expect(out).toContain('<a class="x" href="x27&amp;&quot;">filtre</a>');
    expect(out).toContain(`<img alt='' src="x19&amp;&quot;">`);
    expect(out).toContain('<a href = "#contenu">aller</a>');
    expect(out).toContain('data-chart="{&quot;href&quot;:&quot;/no&quot;}" data-src="/no"');
    expect(out).toContain('<p>href="/not-an-attribute" in text stays</p>');
  });

  test('entities decode, unknown ones stay', () => {
    expect(decodeAttribute('a&amp;b&#61;c&#x3D;d&quot;&#x27;&unknown;')).toBe('a&b=c=d"\'&unknown;');
  });

  test('url() in CSS, quoted or not, is found and rewritten', () => {
    const css = 'a{background:url(/static/a.png)} b{background:url( "/static/b.svg" )} @font-face{src:url(\'/f.woff2\') format("woff2")}';
    expect(cssReferences(css)).toEqual(['/static/a.png', '/static/b.svg', '/f.woff2']);
    expect(rewriteCssReferences(css, (ref) => (ref === '/f.woff2' ? null : `..${ref}`))).toBe(
      'a{background:url("../static/a.png")} b{background:url("../static/b.svg")} @font-face{src:url(\'/f.woff2\') format("woff2")}',
    );
  });

  test('a form is found', () => {
    expect(pageHasForm(Buffer.from('<form method="get" action="/">'))).toBe(true);
    expect(pageHasForm(Buffer.from('<FORM>'))).toBe(true);
    expect(pageHasForm(Buffer.from('<p class="formula">'))).toBe(false);
    expect(pageHasForm(Buffer.from('<p>État</p><form\nmethod="get">'))).toBe(true);
    expect(pageHasForm(Buffer.from('<p>Année</p><p class="formula">'))).toBe(false);
  });

  test('a page read as UTF-8 bytes: values with accents decoded, every other byte copied as it is', () => {
    // « à » ends with the byte 0xA0, « Å » with 0x85: white space to JavaScript's \s, read one byte a character.
    const bytes = Buffer.from(
      '<p>Déjà vu « ici »</p> <a href="/états/Côte?x=é&amp;y=ü">à</a>' +
        '<p>àhref="/pas-un-lien" Åsrc="/non"</p> <img src=\'/static/€.svg\'>',
      'utf8',
    );
    expect(htmlPageReferences(bytes)).toEqual(['/états/Côte?x=é&y=ü', '/static/€.svg']);
    const seen: string[] = [];
    const same = rewriteHtmlPage(bytes, (ref) => (seen.push(ref), null));
    expect(same.equals(bytes)).toBe(true);
    expect(seen).toHaveLength(2);
    const out = rewriteHtmlPage(bytes, (ref) => (ref.startsWith('/états') ? 'états/Côte/index.html#§' : null)).toString('utf8');
    expect(out).toBe(
      '<p>Déjà vu « ici »</p> <a href="états/Côte/index.html#§">à</a>' +
        '<p>àhref="/pas-un-lien" Åsrc="/non"</p> <img src=\'/static/€.svg\'>',
    );
  });
});
