import {
  cssReferences,
  decodeAttribute,
  hasForm,
  htmlReferences,
  rewriteCssReferences,
  rewriteHtmlReferences,
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
    expect(htmlReferences(page)).toEqual([
      '/static/css/site.css',
      '/?comite=article5&year=2026',
      '/static/favicon.svg',
      '#contenu',
      '/static/a.png',
    ]);
  });

  test('rewriting replaces the value, re-escaped, and keeps what the rewrite leaves alone', () => {
    const out = rewriteHtmlReferences(page, (ref) => (ref.startsWith('/') ? `x${ref.length}&"` : null));
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
    expect(hasForm('<form method="get" action="/">')).toBe(true);
    expect(hasForm('<FORM>')).toBe(true);
    expect(hasForm('<p class="formula">')).toBe(false);
  });
});
