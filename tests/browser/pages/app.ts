import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'een lang genoeg wachtwoord';

/** Fails on any axe-core violation of WCAG 2.2 A/AA on the current page. */
export async function expectAccessible(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

/** Page model: what a person does in Impact Wheel, in the words of the screen. */
export class ImpactWheel {
  constructor(readonly page: Page) {}

  async useDutch(): Promise<void> {
    await this.page.addInitScript(() => {
      if (!localStorage.getItem('impact-wheel.language')) localStorage.setItem('impact-wheel.language', 'nl');
    });
  }

  async signUp(name: string, email: string): Promise<void> {
    await this.page.getByLabel('Je naam').fill(name);
    await this.page.getByLabel('E-mailadres').fill(email);
    await this.page.getByLabel('Wachtwoord').fill(PASSWORD);
    await this.page.getByRole('button', { name: 'Account aanmaken' }).click();
  }

  async signIn(email: string, password = PASSWORD): Promise<void> {
    await this.page.goto('/sign-in');
    await this.page.getByLabel('E-mailadres').fill(email);
    await this.page.getByLabel('Wachtwoord').fill(password);
    await this.page.getByRole('button', { name: 'Inloggen' }).last().click();
    await expect(this.page).toHaveURL(/\/dashboard$/);
  }

  async createOrganisation(name: string, typeLabel: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Organisatie aanmaken' }).first().click();
    await this.page.getByLabel('Naam').fill(name);
    await this.page.getByLabel('Soort organisatie').selectOption({ label: typeLabel });
    await this.page.getByRole('button', { name: 'Aanmaken' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(`Profiel van ${name}`);
    await expect(this.page.getByText('Organisatie aangemaakt. Jij bent de beheerder.')).toBeVisible();
  }

  nav(name: string) {
    return this.page.getByRole('navigation', { name: /Hoofdmenu|Main menu/ }).getByRole('link', { name });
  }
}
