import { describe, expect, it } from 'vitest';
import { ZSignUpBody } from '../../src/contracts/accounts.ts';
import { ZCreateOrganisationBody, ZUpdateOrganisationBody } from '../../src/contracts/organisations.ts';

describe('input contracts', () => {
  it('requires a password of at least 12 characters, counting characters not bytes', () => {
    const base = { name: 'Sanne', email: 'sanne@example.org' };
    expect(ZSignUpBody.safeParse({ ...base, password: 'elf tekens!' }).success).toBe(false);
    expect(ZSignUpBody.safeParse({ ...base, password: 'twaalf tekens' }).success).toBe(true);
    expect(ZSignUpBody.safeParse({ ...base, password: '🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂' }).success).toBe(true);
  });

  it('lower-cases e-mail addresses so one person has one account', () => {
    const parsed = ZSignUpBody.parse({
      name: 'A',
      email: 'Sanne@Example.ORG',
      password: 'a long enough password',
    });
    expect(parsed.email).toBe('sanne@example.org');
  });

  it('rejects text PostgreSQL cannot store byte for byte, and keeps everything else as sent', () => {
    expect(ZCreateOrganisationBody.safeParse({ name: 'a\u0000b', type: 'wise' }).success).toBe(false);
    expect(ZCreateOrganisationBody.safeParse({ name: 'a\ud800b', type: 'wise' }).success).toBe(false);
    const name = '  <script>alert(1)</script> Ünïcødé 👩🏽‍🔧  ';
    expect(ZCreateOrganisationBody.parse({ name, type: 'wise' }).name).toBe(name);
  });

  it('refuses names that are empty or only spaces, and a 100 KB name', () => {
    expect(ZCreateOrganisationBody.safeParse({ name: '   ', type: 'wise' }).success).toBe(false);
    expect(ZCreateOrganisationBody.safeParse({ name: 'x'.repeat(100_000), type: 'wise' }).success).toBe(
      false,
    );
  });

  it('accepts only web addresses for the website and sensible years', () => {
    expect(ZUpdateOrganisationBody.safeParse({ website: 'javascript:alert(1)' }).success).toBe(false);
    expect(ZUpdateOrganisationBody.safeParse({ website: 'https://werkpoort.nl' }).success).toBe(true);
    expect(ZUpdateOrganisationBody.safeParse({ yearFounded: 1857 }).success).toBe(true);
    expect(ZUpdateOrganisationBody.safeParse({ yearFounded: 1857.5 }).success).toBe(false);
    expect(ZUpdateOrganisationBody.safeParse({ yearFounded: 3000 }).success).toBe(false);
    expect(ZUpdateOrganisationBody.safeParse({}).success).toBe(false);
  });
});
