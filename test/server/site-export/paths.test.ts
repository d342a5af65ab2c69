import { canonicalUrl, fileCollisions, fileForUrl, relativeLink, resolveInternal, safeName } from '../../../server/site-export/paths';

const HTML = 'text/html; charset=utf-8';

describe('URL → file of the static copy', () => {
  test.each([
    ['/', 'index.html'],
    ['/indicators/1.1', 'indicators/1.1/index.html'],
    ['/donnees/', 'donnees/index.html'],
    ['/indicators/1.1?year=2025', 'indicators/1.1/year-2025/index.html'],
    ['/?comite=article5&year=2026', 'comite-article5/year-2026/index.html'],
    ['/states/C%C3%B4te%20d', 'states/C_te_d/index.html'],
    ['/a/..%2F..%2Fetc?x=..', 'a/_._.._etc/x-_./index.html'],
    ['/?q=', 'q-_/index.html'],
  ])('the page %s goes to %s', (url, file) => {
    expect(fileForUrl(url, HTML)).toBe(file);
  });

  test.each([
    ['/static/css/site.css', 'text/css; charset=UTF-8', 'static/css/site.css'],
    ['/indicators/1.1/donnees.csv', 'text/csv; charset=utf-8', 'indicators/1.1/donnees.csv'],
    ['/donnees/indicateurs.csv', 'text/csv', 'donnees/indicateurs.csv'],
    ['/api/v1/catalogue', 'application/json; charset=utf-8', 'api/v1/catalogue.json'],
    ['/api/v1/indicators?year=2025', 'application/json', 'api/v1/indicators--year-2025.json'],
    ['/donnees/x.csv?year=2025&a=b', 'text/csv', 'donnees/x--year-2025--a-b.csv'],
    ['/static/favicon.svg', 'image/svg+xml', 'static/favicon.svg'],
    ['/static/vendor/thing', 'application/octet-stream', 'static/vendor/thing'],
  ])('the file %s (%s) goes to %s', (url, type, file) => {
    expect(fileForUrl(url, type)).toBe(file);
  });

  test('names keep only characters every static host serves as they are, never a hidden file', () => {
    expect(safeName('AFG')).toBe('AFG');
    expect(safeName('a b/é?')).toBe('a_b___');
    expect(safeName('.htaccess')).toBe('_htaccess');
    expect(safeName('..')).toBe('_.');
    expect(safeName('')).toBe('_');
  });

  test('a URL has one key whatever the order of its query parameters; the fragment is apart', () => {
    expect(canonicalUrl(new URL('http://x/?year=2026&comite=article5'))).toBe('/?comite=article5&year=2026');
    expect(canonicalUrl(new URL('http://x/states?'))).toBe('/states');
    expect(resolveInternal('/?year=2026&comite=a#s', '/x')).toEqual({ url: '/?comite=a&year=2026', fragment: '#s' });
  });

  test('only links to the site itself are internal; they are resolved against the page', () => {
    expect(resolveInternal('../1.2?year=2025', '/indicators/1.1/x')).toEqual({ url: '/indicators/1.2?year=2025', fragment: '' });
    expect(resolveInternal('donnees.csv', '/indicators/1.1/')).toEqual({ url: '/indicators/1.1/donnees.csv', fragment: '' });
    for (const external of [
      '#contenu',
      '',
      'mailto:uaa@example.org',
      'https://www.apminebanconvention.org/',
      '//cdn.example/x.js',
      'data:image/png;base64,AA',
      'javascript:void(0)',
    ]) {
      expect(resolveInternal(external, '/')).toBeNull();
    }
  });

  test('links are relative paths to the target file, fragment kept, never from the root', () => {
    expect(relativeLink('index.html', 'indicators/1.1/index.html')).toBe('indicators/1.1/index.html');
    expect(relativeLink('indicators/1.1/year-2025/index.html', 'indicators/1.2/year-2025/index.html', '#x')).toBe(
      '../../1.2/year-2025/index.html#x',
    );
    expect(relativeLink('indicators/1.1/index.html', 'index.html')).toBe('../../index.html');
    expect(relativeLink('indicators/1.1/index.html', 'indicators/1.1/index.html', '#top')).toBe('index.html#top');
    expect(relativeLink('a/index.html', 'static/css/site.css')).toBe('../static/css/site.css');
  });

  test('two URLs sharing a file, on a case-insensitive disk too, or a file that must be a folder, are found', () => {
    expect(
      fileCollisions([
        { url: '/a', file: 'a/index.html' },
        { url: '/b', file: 'b/index.html' },
      ]),
    ).toEqual([]);
    expect(
      fileCollisions([
        { url: '/states/AFG', file: 'states/AFG/index.html' },
        { url: '/states/afg', file: 'states/afg/index.html' },
      ]),
    ).toEqual(['« /states/AFG » et « /states/afg » seraient écrits dans le même fichier « states/afg/index.html ».']);
    expect(
      fileCollisions([
        { url: '/x', file: 'x' },
        { url: '/x/y', file: 'x/y/index.html' },
      ]),
    ).toEqual(['« /x » serait écrit dans « x », qui doit aussi être le dossier de « /x/y ».']);
  });
});
