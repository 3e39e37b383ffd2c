import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, ImpactWheel } from './pages/app.ts';

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

/** Page model of the collaboration workspace, in the words of the screen (Dutch). */
class Workspace {
  constructor(readonly page: Page) {
    page.on('dialog', (dialog) => void dialog.accept());
  }

  segment(topic: string) {
    return this.page.getByRole('button', { name: new RegExp(`^${topic},`) });
  }

  async answer(topic: string, rating: string, text: string) {
    await this.segment(topic).click();
    await expect(this.page.getByRole('heading', { level: 2, name: topic })).toBeVisible();
    await this.page.getByRole('radio', { name: rating, exact: true }).check();
    await this.page.getByLabel('Ons antwoord op de vraag').fill(text);
    // Saved by itself, without a button (issue 10, point 4).
    await expect(this.page.getByRole('status').filter({ hasText: /^Opgeslagen$/ })).toBeVisible();
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Antwoorden indienen' }).click();
    await expect(this.page.getByRole('button', { name: 'Antwoorden indienen' })).toHaveCount(0);
  }

  tab(name: string) {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }
}

test('two organisations complete a round, see the reveal, the gap and the agenda', async ({ browser }) => {
  // A whole journey of two people in two browsers: allow it time on a busy 2-core machine.
  test.setTimeout(240_000);
  const seContext = await browser.newContext();
  const se = new ImpactWheel(await seContext.newPage());
  await se.useDutch();
  await se.page.goto('/sign-up');
  await se.signUp('Sanne Test', `sanne-${unique()}@example.org`);
  await se.createOrganisation('Werkpoort Proef', 'Sociale onderneming gericht op werk (leerwerkbedrijf)');
  await se.nav('Overzicht').click();
  await expect(se.page.getByRole('heading', { name: 'Nog geen samenwerkingen' })).toBeVisible();
  // "Wat nu?" follows the real state (issue 10, point 14).
  await expect(
    se.page
      .getByRole('region', { name: 'Wat nu?' })
      .getByRole('link', { name: 'Begin een samenwerking met een partner.' }),
  ).toBeVisible();
  await se.page.getByRole('link', { name: 'Begin een samenwerking', exact: true }).click();
  await expectAccessible(se.page, 'new collaboration');
  await se.page.getByLabel('Naam van de samenwerking').fill('Inpakwerk proef');
  await se.page.getByLabel('Integratie: we stemmen ons werk op elkaar af').check();
  await se.page.getByRole('button', { name: 'Samenwerking starten' }).click();
  await expect(se.page.getByRole('heading', { level: 1, name: 'Inpakwerk proef' })).toBeVisible();
  const sanne = new Workspace(se.page);
  await expectAccessible(se.page, 'workspace (empty)');
  // Issue 10, point 1: alone, the round cannot reveal, and the screen says why in the rule's own words.
  await expect(se.page.getByText('minstens twee organisaties meedoen')).toBeVisible();
  await expect(
    se.page.getByText('Nu doet alleen jullie organisatie mee: nodig eerst een partner uit.'),
  ).toBeVisible();

  // A new collaboration leads straight to inviting the partner.
  await expect(sanne.tab('Partners')).toHaveAttribute('aria-selected', 'true');
  await se.page.getByRole('button', { name: 'Uitnodigingslink maken' }).click();
  const link = await se.page.getByTestId('copy-value').inputValue();
  await expectAccessible(se.page, 'partners');

  const coContext = await browser.newContext();
  const co = new ImpactWheel(await coContext.newPage());
  await co.useDutch();
  await co.page.goto('/sign-up');
  await co.signUp('Marco Test', `marco-${unique()}@example.org`);
  await co.createOrganisation('Bouwbedrijf Proef', 'Regulier bedrijf');
  await co.page.goto(link);
  await expect(
    co.page.getByText('Werkpoort Proef nodigt jullie uit voor de samenwerking “Inpakwerk proef”.'),
  ).toBeVisible();
  await expectAccessible(co.page, 'partner invitation');
  await co.page.getByRole('button', { name: 'Meedoen' }).click();
  await expect(co.page.getByRole('heading', { level: 1, name: 'Inpakwerk proef' })).toBeVisible();
  const marco = new Workspace(co.page);

  // Each answers privately; keyboard works on the wheel too.
  await se.page.reload();
  await sanne.tab('Wiel').click();
  await sanne.segment('Ambitie').focus();
  await se.page.keyboard.press('ArrowRight');
  await expect(sanne.segment('Doelen')).toBeFocused();
  await se.page.keyboard.press('Enter');
  await expect(se.page.getByRole('heading', { level: 2, name: 'Doelen' })).toBeVisible();
  await sanne.answer('Gelijkwaardigheid', '4 · volledig', 'Wij voelen ons gelijkwaardig.');
  await sanne.answer('Ambitie', '3 · grotendeels', 'Meer mensen aan het werk.');
  await expectAccessible(se.page, 'topic panel');
  // Before the reveal the panel is for answering: agreements and actions come after (issue 10, point 11).
  await expect(
    se.page.getByText('Afspraken en acties leg je vast zodra jullie de ronde samen bekijken'),
  ).toBeVisible();
  await expect(se.page.getByRole('button', { name: 'Afspraak vastleggen' })).toHaveCount(0);
  await sanne.submit();
  await expect(se.page.getByText('Jullie organisatie: heeft ingediend')).toBeVisible();
  // After handing in, our own answers stay on the wheel (issue 10, point 10).
  await expect(sanne.segment('Gelijkwaardigheid')).toHaveAccessibleName(
    /door ons beantwoord, Jullie organisatie 4 · volledig/,
  );

  // The self-assessment, in Dutch: private until the round is revealed.
  await sanne.tab('Zelfevaluatie').click();
  const equal = se.page.getByRole('group', {
    name: 'We ervaren de uitwisseling met deze partner als gelijkwaardig.',
  });
  await equal.getByLabel('Helemaal eens').check();
  await se.page
    .getByRole('group', { name: 'Onze middelen vullen elkaar aan om de beoogde waarde te creëren.' })
    .getByLabel('Eens', { exact: true })
    .check();
  await se.page.getByLabel('Integratie: we stemmen ons werk op elkaar af').check();
  // Issue 10, point 3: an ambition typed and handed in without "Concept opslaan" is kept.
  await se.page.getByLabel('Individu', { exact: true }).fill('Twee mensen een vaste baan');
  await se.page.getByRole('button', { name: 'Zelfevaluatie indienen' }).click();
  await expect(se.page.getByText('Ingediend. Je kunt je antwoorden nog wijzigen')).toBeVisible();
  await se.page.reload();
  await sanne.tab('Zelfevaluatie').click();
  await expect(se.page.getByLabel('Individu', { exact: true })).toHaveValue('Twee mensen een vaste baan');
  await expectAccessible(se.page, 'self-assessment');

  await co.page.reload();
  await expect(co.page.getByText('Werkpoort Proef: heeft ingediend')).toBeVisible();
  await marco.answer('Gelijkwaardigheid', '1 · helemaal niet', 'Wij bepalen nu nog alles.');
  await marco.answer('Ambitie', '4 · volledig', 'Inclusiever worden.');
  // Before the reveal, Marco sees nothing of Sanne's answers.
  await expect(co.page.getByText('Wij voelen ons gelijkwaardig.')).toHaveCount(0);
  await marco.tab('Zelfevaluatie').click();
  await co.page
    .getByRole('group', { name: 'We ervaren de uitwisseling met deze partner als gelijkwaardig.' })
    .getByLabel('Helemaal oneens')
    .check();
  await co.page.getByLabel('Transactie: de een levert, de ander betaalt').check();
  await co.page.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(co.page.getByText('Concept opgeslagen')).toBeVisible();
  // The self-assessment reveals on its own, before the wheel round (issue 10, point 2).
  await co.page.getByRole('button', { name: 'Zelfevaluatie indienen' }).click();
  await expect(co.page.getByRole('heading', { name: 'Plaats op het samenwerkingscontinuüm' })).toBeVisible();
  await marco.tab('Wiel').click();
  await marco.submit();
  await expect(
    co.page.getByText('Ronde 1 is samen bekeken: alle partners zien elkaars antwoorden.'),
  ).toBeVisible();

  await se.page.reload();
  await expect(
    se.page.getByText('Ronde 1 is samen bekeken: alle partners zien elkaars antwoorden.'),
  ).toBeVisible();
  // A reload keeps the open tab (it is in the address): back to the wheel.
  await expect(sanne.tab('Zelfevaluatie')).toHaveAttribute('aria-selected', 'true');
  await sanne.tab('Wiel').click();
  await expect(sanne.segment('Gelijkwaardigheid')).toHaveAccessibleName(/jullie zien het verschillend/);
  // Every organisation's rating is named on the segment.
  await expect(sanne.segment('Gelijkwaardigheid')).toHaveAccessibleName(
    /Jullie organisatie 4 · volledig; Bouwbedrijf Proef 1 · helemaal niet/,
  );
  await sanne.segment('Gelijkwaardigheid').click();
  await expect(se.page.getByText('Wij bepalen nu nog alles.')).toBeVisible();
  await expect(se.page.getByRole('row', { name: /Bouwbedrijf Proef 1 · helemaal niet/ })).toBeVisible();
  await se.page.getByText('Waarom?').click();
  await expect(se.page.getByTestId('stage-explanation')).toContainText('Oriëntatie.');
  await expect(se.page.getByTestId('stage-explanation')).toContainText(
    'Jullie zien het verschillend bij: Gelijkwaardigheid.',
  );
  await expectAccessible(se.page, 'revealed wheel');
  // An action on the open topic, ticked done: the tick sends the version on screen (issue 10, point 8).
  await se.page.getByLabel('Wat gaat er gebeuren?').fill('Gesprek over gelijkwaardigheid plannen');
  // Owned by a member of the partner organisation, chosen from the list.
  await se.page.getByLabel('Wie doet het?').selectOption({ label: 'Marco Test' });
  await se.page.getByRole('button', { name: 'Actie toevoegen' }).click();
  await expect(se.page.getByText('Gesprek over gelijkwaardigheid plannen — Marco Test')).toBeVisible();
  const tick = se.page.getByRole('checkbox', { name: /Gesprek over gelijkwaardigheid plannen/ });
  // Controlled by the saved state: it shows ticked once the API has taken it.
  await tick.click();
  await expect(tick).toBeChecked();
  await se.page.reload();
  await sanne.segment('Gelijkwaardigheid').click();
  await expect(
    se.page.getByRole('checkbox', { name: /Gesprek over gelijkwaardigheid plannen/ }),
  ).toBeChecked();

  await sanne.tab('Agenda').click();
  const first = se.page.locator('.agenda-item').first();
  await expect(first.getByRole('heading', { name: 'Gelijkwaardigheid' })).toBeVisible();
  await expect(first).toContainText('3 punten verschil');
  await expect(first).toContainText('Hoe denken we over gelijkwaardigheid in de samenwerking?');
  await expectAccessible(se.page, 'agenda');
  await first.getByRole('button', { name: 'Bespreek Gelijkwaardigheid in het wiel' }).click();
  await expect(se.page.getByRole('heading', { level: 2, name: 'Gelijkwaardigheid' })).toBeFocused();

  // The self-assessment compared: the difference points at the wheel topics to talk about.
  await sanne.tab('Zelfevaluatie').click();
  await expect(
    se.page.getByText('Verschil van 4 punten — bespreek: Gelijkwaardigheid, Transparantie'),
  ).toBeVisible();
  await expect(
    se.page.getByText('Let op: jullie hebben een verschillende partnerschapsambitie gekozen.'),
  ).toBeVisible();
  // In plain words what the position means, then why (issue 10, point 12).
  await expect(se.page.getByTestId('continuum-meaning')).toContainText(/^Er zijn te weinig|^Jullie werken/);
  await expect(se.page.getByRole('heading', { name: 'Jullie antwoorden naast elkaar' })).toBeVisible();
  await expectAccessible(se.page, 'self-assessment results');

  // The round report as a PDF, in Dutch, with the topics in it.
  await sanne.tab('Rondes').click();
  const [download] = await Promise.all([
    se.page.waitForEvent('download'),
    se.page.getByRole('link', { name: /Verslag \(pdf\)/ }).click(),
  ]);
  const file = await download.path();
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
  expect(text).toContain('Inpakwerk proef');
  expect(text).toContain('Gelijkwaardigheid');
  expect(text).toContain('Investeringsbereidheid');
  expect(text).toContain('Wij bepalen nu nog alles.');
  await expectAccessible(se.page, 'rounds');

  // An agreement, then the list view shows the same wheel as text.
  await sanne.tab('Wiel').click();
  await sanne.segment('Gelijkwaardigheid').click();
  await se.page.getByLabel('Wat spreken jullie af?').fill('We bespreken de prijzen elk kwartaal samen.');
  await se.page.getByRole('button', { name: 'Afspraak vastleggen' }).click();
  await expect(se.page.getByText('We bespreken de prijzen elk kwartaal samen.')).toBeVisible();
  await se.page.getByRole('button', { name: 'Akkoord namens Werkpoort Proef' }).click();
  await expect(se.page.getByText('Jullie organisatie: akkoord (')).toBeVisible();
  await expect(se.page.getByText('Bouwbedrijf Proef: nog niet akkoord')).toBeVisible();
  // The partner agrees too, and both see it in the agreements overview.
  await co.page.reload();
  await marco.segment('Gelijkwaardigheid').click();
  await co.page.getByRole('button', { name: 'Akkoord namens Bouwbedrijf Proef' }).click();
  await expect(co.page.getByText('Werkpoort Proef: akkoord (')).toBeVisible();
  await expect(co.page.getByText('Jullie organisatie: akkoord (')).toBeVisible();
  await marco.tab('Afsprakenlijst').click();
  await expect(co.page.getByRole('row', { name: /Gelijkwaardigheid We bespreken de prijzen/ })).toBeVisible();
  await expectAccessible(co.page, 'agreements overview');
  await se.page.reload();
  await sanne.segment('Gelijkwaardigheid').click();
  await se.page.getByRole('button', { name: 'Toon als lijst' }).click();
  await expect(se.page.getByRole('button', { name: /Gelijkwaardigheid.*afspraak gemaakt/ })).toBeVisible();
  await expectAccessible(se.page, 'list view');
  await seContext.close();
  await coContext.close();
});
