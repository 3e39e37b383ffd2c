import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ZCollaborationInvitationPreview } from '../../src/contracts/collaborations.ts';
import { ZInvitation } from '../../src/contracts/organisations.ts';
import en from '../../src/domain/i18n/en.json' with { type: 'json' };
import nl from '../../src/domain/i18n/nl.json' with { type: 'json' };

// Issue 10, point 6: a status the API sends must never reach the screen untranslated ("Deze uitnodiging is
// accepted."), and counts follow the language's plural rules ("1 accounts").
describe('words on screen', () => {
  const statuses = [
    ...ZCollaborationInvitationPreview.shape.status.options,
    ...ZInvitation.shape.status.options,
  ];

  it.each([
    ['nl', nl],
    ['en', en],
  ])('every invitation status has a word in %s', (_lang, catalogue) => {
    for (const status of statuses)
      expect((catalogue.members.status as Record<string, string>)[status], status).toBeTruthy();
  });

  it('counts accounts with plural rules in both languages', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'nl', resources: { nl: { translation: nl }, en: { translation: en } } });
    expect(i18n.t('admin.total', { count: 1 })).toBe('1 account');
    expect(i18n.t('admin.total', { count: 2 })).toBe('2 accounts');
    await i18n.changeLanguage('en');
    expect(i18n.t('admin.total', { count: 1 })).toBe('1 account');
  });

  it('does not call a kind of organisation after a measurement method', () => {
    expect(nl.organisation.types.wise).not.toContain('SROI');
  });
});
