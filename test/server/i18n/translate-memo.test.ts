import { t, tHtml } from '../../../server/i18n/translate';

// t and tHtml keep what they worded (server/i18n/translate.ts): a call met again must give the words a
// first call gives, whatever was asked in between.
describe('messages worded once', () => {
  test('the same call gives the same words; other variables, languages or plurals give their own', () => {
    const first = t('fr', 'map.countItem', { label: 'Oui', n: '12' });
    expect(first).toBe('Oui : 12');
    expect(t('fr', 'map.countItem', { label: 'Oui', n: '12' })).toBe(first);
    expect(t('fr', 'map.countItem', { label: 'Oui', n: '13' })).toBe('Oui : 13');
    expect(t('en', 'map.countItem', { label: 'Yes', n: '12' })).not.toBe(first);
    expect(t('fr', 'map.population', { count: 1 })).toBe('1 État dans la population');
    expect(t('fr', 'map.population', { count: 2 })).toBe('2 États dans la population');
    expect(t('fr', 'map.population', { count: 1 })).toBe('1 État dans la population');
  });

  test('a variable holding what another call’s key would say is never taken for that call', () => {
    expect(t('fr', 'map.countItem', { label: 'A', n: 'B' })).toBe('A : B');
    // Written as a key of names and values joined, this call's words would be the one above's.
    const forged = t('fr', 'map.countItem', { label: 'A","n","string","B' });
    expect(forged).not.toBe('A : B');
    expect(forged.startsWith('A","n","string","B')).toBe(true);
  });

  test('the HTML wording escapes its variables, the text one does not, for the same call', () => {
    const vars = { label: '<b>', n: '1' };
    expect(tHtml('fr', 'map.legendItem_html', vars)).toBe('&lt;b&gt; : <span class="map-legend__count">1</span>');
    expect(t('fr', 'map.legendItem_html', vars)).toBe('<b> : <span class="map-legend__count">1</span>');
    expect(tHtml('fr', 'map.legendItem_html', vars)).toBe('&lt;b&gt; : <span class="map-legend__count">1</span>');
  });

  test('a variable that is not a plain value is worded each time, as it is at that moment', () => {
    const label = { text: 'avant', toString: () => label.text };
    expect(t('fr', 'map.countItem', { label, n: '1' })).toBe('avant : 1');
    label.text = 'après';
    expect(t('fr', 'map.countItem', { label, n: '1' })).toBe('après : 1');
  });
});
