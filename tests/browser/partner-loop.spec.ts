import { execFileSync } from 'node:child_process';
import { type Browser, type Download, expect, type Page, test } from '@playwright/test';
import { assessment } from '../../src/domain/instrument/assessment.ts';
import { wheel } from '../../src/domain/instrument/wheel.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { ratingMark as rimMark } from '../../src/domain/wheel/labels.ts';
import { expectAccessible, PASSWORD } from './pages/app.ts';
import { literally, wordsIn } from './pages/words.ts';

// Issue 10, "Done when": two fresh organisations walk the whole partner loop, in Dutch on a laptop and in
// English on a phone. The words on screen come from the i18n catalogues (pages/words.ts), so the spec keeps
// passing while the copy is reworded.

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;

type Answer = { topic: string; rating: 1 | 2 | 3 | 4 | 'nr'; text: string };

/** One person in their own browser, in one language and one width, in the words of the screen. */
class Person {
  readonly w: ReturnType<typeof wordsIn>;

  constructor(
    readonly page: Page,
    readonly lang: Locale,
    readonly phone: boolean,
    readonly name: string,
  ) {
    this.w = wordsIn(lang);
    // "Submit?" and the like: this person means it.
    page.on('dialog', (dialog) => void dialog.accept());
  }

  static async open(browser: Browser, lang: Locale, phone: boolean, name: string): Promise<Person> {
    const context = await browser.newContext({
      viewport: phone ? { width: 375, height: 812 } : { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await page.addInitScript((language) => {
      if (!localStorage.getItem('impact-wheel.language'))
        localStorage.setItem('impact-wheel.language', language);
    }, lang);
    return new Person(page, lang, phone, name);
  }

  topicName(id: string): string {
    const topic = wheel.topics.find((x) => x.id === id);
    if (!topic) throw new Error(`No topic ${id}`);
    return topic.label[this.lang];
  }

  rating(value: Answer['rating'] | null): string {
    return this.w(`collab.ratings.${value ?? 'none'}`);
  }

  /** Today as the screen writes a date. */
  today(): string {
    return new Date().toLocaleDateString(this.lang === 'en' ? 'en-GB' : 'nl-NL');
  }

  async signUp(email: string): Promise<void> {
    await this.page.getByLabel(this.w('auth.name')).fill(this.name);
    await this.page.getByLabel(this.w('auth.email')).fill(email);
    await this.page.getByLabel(this.w('auth.password')).fill(PASSWORD);
    await this.page.getByRole('button', { name: this.w('auth.submitSignUp') }).click();
  }

  async fillOrganisation(name: string, type: 'wise' | 'regular-company'): Promise<void> {
    await expect(
      this.page.getByRole('heading', { level: 1, name: this.w('organisation.newTitle') }),
    ).toBeVisible();
    await this.page.getByLabel(this.w('organisation.fields.name'), { exact: true }).fill(name);
    await this.page
      .getByLabel(this.w('organisation.fields.type'))
      .selectOption({ label: this.w(`organisation.types.${type}`) });
    await this.page.getByRole('button', { name: this.w('organisation.create') }).click();
  }

  tab(key: Parameters<Person['w']>[0]) {
    return this.page.getByRole('tab', { name: new RegExp(`^${literally(this.w(key)).source}`) });
  }

  /** A topic's button: a segment of the wheel on a laptop, an item of the list on a phone (shown first there). */
  topicButton(id: string) {
    const name = literally(this.topicName(id)).source;
    return this.phone
      ? this.page.locator('.topic-list').getByRole('button', { name: new RegExp(`^${name} `) })
      : this.page.getByRole('button', { name: new RegExp(`^${name},`) });
  }

  async openTopic(id: string): Promise<void> {
    await this.topicButton(id).click();
    await expect(this.topicHeading(id)).toBeVisible();
  }

  topicHeading(id: string) {
    return this.page.getByRole('heading', { level: 2, name: this.topicName(id), exact: true });
  }

  savedNote() {
    return this.page
      .getByRole('status')
      .filter({ hasText: new RegExp(`^${this.w('collab.autosave.saved')}$`) });
  }

  ratingRadio(value: Answer['rating']) {
    return this.page.getByRole('radio', { name: this.rating(value), exact: true });
  }

  /** Answers the open topic: a rating and a text, saved by themselves (no button pressed). */
  async answer({ topic, rating, text }: Answer): Promise<void> {
    await expect(this.topicHeading(topic)).toBeVisible();
    await this.ratingRadio(rating).check();
    await this.page.getByLabel(this.w('collab.ourAnswer')).fill(text);
    await expect(this.savedNote()).toBeVisible();
  }

  /** Moves on with "Next: …" and lands on that topic. */
  async next(): Promise<void> {
    const title = await this.page.locator('#topic-title').textContent();
    const index = wheel.topics.findIndex((x) => x.label[this.lang] === title);
    const after = wheel.topics[(index + 1) % wheel.topics.length]!;
    await this.page
      .getByRole('button', { name: this.w('collab.nextTopic', { topic: this.topicName(after.id) }) })
      .click();
    await expect(this.topicHeading(after.id)).toBeVisible();
  }

  async submitWheel(): Promise<void> {
    await this.page.getByRole('button', { name: this.w('collab.submit') }).click();
    await expect(this.page.getByRole('button', { name: this.w('collab.submit') })).toHaveCount(0);
  }

  statusLine(organisation: string, key: 'collab.partnerSubmitted' | 'collab.partnerNotYet') {
    return this.page.locator('.round-bar').getByText(`${organisation}: ${this.w(key)}`);
  }

  /** The self-assessment's statements answered, an ambition typed and a partnership ambition chosen. */
  async fillAssessment(
    answers: Record<string, 1 | 2 | 3 | 4 | 5>,
    individual: string,
    partnership: 'transaction' | 'integration' | 'transformation',
  ): Promise<void> {
    for (const [itemId, value] of Object.entries(answers)) {
      const item = assessment.items.find((i) => i.id === itemId)!;
      const point = assessment.scale.points.find((p) => p.value === value)!;
      await this.page
        .getByRole('group', { name: item.statement[this.lang] })
        .getByLabel(point.label[this.lang], { exact: true })
        .check();
    }
    await this.page.getByLabel(this.w('collab.levels.individual'), { exact: true }).fill(individual);
    await this.page.getByLabel(this.w(`collab.ambitions.${partnership}`)).check();
  }
}

/** Everything that differs between the two walks: the language, the width, the names, how much is answered. */
type Loop = {
  lang: Locale;
  phone: boolean;
  se: { person: string; organisation: string };
  company: { person: string; organisation: string };
  collaboration: string;
  /** Answered with "Next" from the first onwards; the topic of the gap ('equality') is opened directly. */
  seAnswers: Answer[];
  companyAnswers: Answer[];
  agreement: string;
  action: string;
  seIndividual: string;
  companyIndividual: string;
};

async function walkTheLoop(browser: Browser, loop: Loop): Promise<void> {
  const { lang, phone } = loop;
  // The topic both answer differently, which the agenda puts on top and the partners agree on.
  const gapTopic = 'equality';
  const gapSe = loop.seAnswers.find((a) => a.topic === gapTopic)!;
  const gapCompany = loop.companyAnswers.find((a) => a.topic === gapTopic)!;

  // ── Person A signs up, creates the social enterprise and a collaboration, and invites the partner. ──
  const a = await Person.open(browser, lang, phone, loop.se.person);
  const w = a.w;
  await a.page.goto('/sign-up');
  await expectAccessible(a.page, `sign-up (${lang})`);
  await a.signUp(`loop-a-${unique()}@example.org`);
  await expect(a.page).toHaveURL(/\/dashboard$/);
  await a.page
    .getByRole('link', { name: w('dashboard.create') })
    .first()
    .click();
  await a.fillOrganisation(loop.se.organisation, 'wise');
  await expect(
    a.page.getByRole('heading', {
      level: 1,
      name: w('organisation.profileTitle', { name: loop.se.organisation }),
    }),
  ).toBeVisible();
  await expect(a.page.getByText(w('organisation.created'))).toBeVisible();
  await a.page
    .getByRole('navigation', { name: w('nav.main') })
    .getByRole('link', { name: w('nav.dashboard') })
    .click();
  await expect(
    a.page
      .getByRole('region', { name: w('dashboard.nextTitle') })
      .getByRole('link', { name: w('dashboard.next.start-collaboration') }),
  ).toBeVisible();
  if (!phone) await expectAccessible(a.page, `dashboard (${lang})`);
  await a.page.getByRole('link', { name: w('collab.start'), exact: true }).click();
  await a.page.getByLabel(w('collab.name')).fill(loop.collaboration);
  await a.page.getByLabel(w('collab.ambitions.integration')).check();
  await a.page.getByRole('button', { name: w('collab.create') }).click();
  await expect(a.page.getByRole('heading', { level: 1, name: loop.collaboration })).toBeVisible();
  // A new collaboration opens on inviting the partner.
  await expect(a.tab('collab.partners')).toHaveAttribute('aria-selected', 'true');
  await a.page.getByRole('button', { name: w('members.inviteSubmit') }).click();
  const link = await a.page.getByRole('textbox', { name: w('members.copy') }).inputValue();
  const invitation = new URL(link).pathname;
  expect(invitation).toMatch(/^\/partner-invitations\/[^/]+$/);
  await expectAccessible(a.page, `partners tab (${lang})`);

  // ── Person B opens the link signed out, signs up from the header, creates the company, and joins. ──
  const b = await Person.open(browser, lang, phone, loop.company.person);
  await b.page.goto(invitation);
  await expect(b.page).toHaveURL(/\/sign-in\?next=/);
  // The header's "Create account", not the link on the page that carries the invitation along.
  await b.page
    .getByRole('banner')
    .getByRole('link', { name: w('nav.signUp') })
    .click();
  await expect(b.page).toHaveURL(/\/sign-up$/);
  await b.signUp(`loop-b-${unique()}@example.org`);
  // Back at the invitation, which says who invites to what, and leads on to creating an organisation.
  await expect(b.page).toHaveURL(invitation);
  const invitedText = w('collab.invitationTextBy', {
    person: loop.se.person,
    org: loop.se.organisation,
    name: loop.collaboration,
  });
  await expect(b.page.getByText(invitedText)).toBeVisible();
  await b.page.getByRole('link', { name: w('dashboard.create') }).click();
  await b.fillOrganisation(loop.company.organisation, 'regular-company');
  await expect(b.page).toHaveURL(invitation);
  await expect(b.page.getByText(invitedText)).toBeVisible();
  await expect(
    b.page.getByRole('main').getByText(`${w('nav.actingFor')} ${loop.company.organisation}`),
  ).toBeVisible();
  await expectAccessible(b.page, `partner invitation (${lang})`);
  await b.page.getByRole('button', { name: w('collab.accept') }).click();
  await expect(b.page.getByRole('heading', { level: 1, name: loop.collaboration })).toBeVisible();
  await expect(b.page.getByText(`${loop.se.organisation} · ${loop.company.organisation}`)).toBeVisible();

  // ── Both answer privately; answers save as they are given and survive moving on and a reload. ──
  await a.page.reload();
  await a.tab('collab.wheel').click();
  if (phone) await expect(a.page.getByRole('button', { name: w('collab.wheelView') })).toBeVisible();
  else await expect(a.page.getByRole('button', { name: w('collab.listView') })).toBeVisible();
  await a.openTopic(loop.seAnswers[0]!.topic);
  // The first rating is chosen and the person moves straight on: no "save" pressed, nothing waited for.
  const first = loop.seAnswers[0]!;
  await a.ratingRadio(first.rating).check();
  await a.next();
  await a.page
    .getByRole('button', { name: w('collab.previousTopic', { topic: a.topicName(first.topic) }) })
    .click();
  await expect(a.topicHeading(first.topic)).toBeVisible();
  await expect(a.ratingRadio(first.rating)).toBeChecked();
  await a.answer(first);
  for (const answer of loop.seAnswers.slice(1)) {
    if (answer.topic === gapTopic) await a.openTopic(answer.topic);
    else await a.next();
    await a.answer(answer);
  }
  if (!phone) await expectAccessible(a.page, `topic panel (${lang})`);
  // Kept after a reload, with the progress counted.
  await a.page.reload();
  await expect(
    a.page.getByText(w('collab.progress', { answered: loop.seAnswers.length, total: wheel.topics.length })),
  ).toBeVisible();
  await a.openTopic(first.topic);
  await expect(a.ratingRadio(first.rating)).toBeChecked();
  await expect(a.page.getByLabel(w('collab.ourAnswer'))).toHaveValue(first.text);
  // Before the reveal the panel is for answering: agreements and actions come after.
  await expect(a.page.getByText(w('collab.followUpAfterReveal'))).toBeVisible();
  await expect(a.page.getByRole('button', { name: w('collab.addAgreement') })).toHaveCount(0);
  await a.submitWheel();
  await expect(a.statusLine(w('collab.you'), 'collab.partnerSubmitted')).toBeVisible();
  await expect(a.statusLine(loop.company.organisation, 'collab.partnerNotYet')).toBeVisible();

  await b.page.reload();
  await b.tab('collab.wheel').click();
  await expect(b.statusLine(loop.se.organisation, 'collab.partnerSubmitted')).toBeVisible();
  await b.openTopic(loop.companyAnswers[0]!.topic);
  for (const [k, answer] of loop.companyAnswers.entries()) {
    if (k > 0) {
      if (answer.topic === gapTopic) await b.openTopic(answer.topic);
      else await b.next();
    }
    await b.answer(answer);
  }
  // Private until the reveal: nothing of A's answers shows to B.
  await expect(b.page.getByText(gapSe.text)).toHaveCount(0);
  await b.page.reload();
  await b.openTopic(gapTopic);
  await expect(b.ratingRadio(gapCompany.rating)).toBeChecked();
  await b.submitWheel();

  // ── The round is revealed, on both sides. ──
  const revealed = w('collab.revealedNote', { n: 1 });
  await expect(b.page.getByRole('status').filter({ hasText: revealed })).toBeVisible();
  await a.page.reload();
  await expect(a.page.getByRole('status').filter({ hasText: revealed })).toBeVisible();
  for (const [me, myAnswer, partner, theirAnswer] of [
    [a, gapSe, loop.company.organisation, gapCompany],
    [b, gapCompany, loop.se.organisation, gapSe],
  ] as const) {
    if (phone) {
      // The list names the state of each topic: this one is seen differently.
      await expect(me.topicButton(gapTopic)).toContainText(w('collab.state.gap'));
    } else {
      // The segment names every organisation's rating, ours first, and the gap.
      await expect(me.topicButton(gapTopic)).toHaveAccessibleName(
        literally(
          `${w('collab.you')} ${me.rating(myAnswer.rating)}; ${partner} ${me.rating(theirAnswer.rating)}, ${w('collab.state.gap')}`,
        ),
      );
      // Its rim shows both ratings side by side, ours first: the gap is a split, outlined.
      const rim = me.page.locator(`[data-topic="${gapTopic}"] .rim-gap .rating text`);
      await expect(rim).toHaveText([rimMark(myAnswer.rating), rimMark(theirAnswer.rating)]);
    }
    await me.openTopic(gapTopic);
    const answers = me.page.getByRole('table', { name: w('collab.everyone') });
    await expect(
      answers.getByRole('row', { name: new RegExp(`^${literally(partner).source}`) }),
    ).toContainText(me.rating(theirAnswer.rating));
    await expect(answers).toContainText(theirAnswer.text);
    await expect(answers).toContainText(myAnswer.text);
  }
  await expectAccessible(a.page, `revealed topic (${lang})`);

  // ── The agenda: an item opens its topic in the wheel. ──
  await a.tab('collab.agenda').click();
  const item = a.page.locator('.agenda-item').filter({
    has: a.page.getByRole('heading', { level: 3, name: a.topicName(gapTopic), exact: true }),
  });
  await expect(item).toBeVisible();
  await expect(item).toContainText(wheel.topics.find((x) => x.id === gapTopic)!.question[lang]);
  if (!phone) await expectAccessible(a.page, `agenda (${lang})`);
  await item.getByRole('button', { name: w('collab.openTopic', { topic: a.topicName(gapTopic) }) }).click();
  await expect(a.tab('collab.wheel')).toHaveAttribute('aria-selected', 'true');
  await expect(a.topicHeading(gapTopic)).toBeFocused();

  // ── An agreement on that topic, agreed by each organisation, shown per partner on both sides. ──
  await a.page.getByLabel(w('collab.agreementText')).fill(loop.agreement);
  await a.page.getByRole('button', { name: w('collab.addAgreement') }).click();
  const approvalsA = a.page.getByRole('list', { name: w('collab.approvals') });
  await expect(a.page.locator('.topic-panel').getByText(loop.agreement)).toBeVisible();
  await expect(approvalsA).toContainText(w('collab.notYetApprovedBy', { organisation: w('collab.you') }));
  await a.page
    .getByRole('button', { name: w('collab.approve', { organisation: loop.se.organisation }) })
    .click();
  await expect(approvalsA).toContainText(
    w('collab.approvedBy', { organisation: w('collab.you'), date: a.today() }),
  );
  await expect(approvalsA).toContainText(
    w('collab.notYetApprovedBy', { organisation: loop.company.organisation }),
  );

  // ── An action, owned by a member of the partner organisation, chosen from the list. ──
  const owner = a.page.getByLabel(w('collab.owner'));
  await expect(owner.locator('optgroup', { hasText: loop.company.person })).toHaveAttribute(
    'label',
    loop.company.organisation,
  );
  await a.page.getByLabel(w('collab.actionText')).fill(loop.action);
  await owner.selectOption({ label: loop.company.person });
  await a.page.getByRole('button', { name: w('collab.addAction') }).click();
  await expect(
    a.page.locator('.topic-panel').getByRole('checkbox', { name: `${loop.action} — ${loop.company.person}` }),
  ).toBeVisible();

  await b.page.reload();
  await b.openTopic(gapTopic);
  const approvalsB = b.page.getByRole('list', { name: w('collab.approvals') });
  await expect(approvalsB).toContainText(
    w('collab.approvedBy', { organisation: loop.se.organisation, date: b.today() }),
  );
  await b.page
    .getByRole('button', { name: w('collab.approve', { organisation: loop.company.organisation }) })
    .click();
  await expect(approvalsB).toContainText(
    w('collab.approvedBy', { organisation: w('collab.you'), date: b.today() }),
  );
  await expect(approvalsB).toContainText(
    w('collab.approvedBy', { organisation: loop.se.organisation, date: b.today() }),
  );
  // B sees the action A gave them.
  await expect(
    b.page.locator('.topic-panel').getByRole('checkbox', { name: `${loop.action} — ${loop.company.person}` }),
  ).toBeVisible();
  // And A sees both organisations agreed, in the agreements overview.
  await a.page.reload();
  await a.tab('collab.agreementsTab').click();
  const overview = a.page.getByRole('region', { name: w('collab.agreementsTitle') });
  const row = overview.getByRole('row').filter({ hasText: loop.agreement });
  await expect(row).toContainText(a.topicName(gapTopic));
  await expect(row).toContainText(w('collab.approvedBy', { organisation: w('collab.you'), date: a.today() }));
  await expect(row).toContainText(
    w('collab.approvedBy', { organisation: loop.company.organisation, date: a.today() }),
  );
  await expectAccessible(a.page, `agreements overview (${lang})`);

  // ── The self-assessment, after the wheel: still open, handed in by both, then revealed. ──
  await a.tab('collab.assessment').click();
  await expect(a.page.getByText(w('collab.notRevealedYet'))).toHaveCount(0);
  await a.fillAssessment(
    {
      middelen_tweerichting: 4,
      waardecreatie_interactie: 3,
      partnerschap_structureel: 3,
      middelen_gelijkwaardig: 5,
    },
    loop.seIndividual,
    'integration',
  );
  if (!phone) await expectAccessible(a.page, `self-assessment form (${lang})`);
  await a.page.getByRole('button', { name: w('collab.submitAssessment') }).click();
  await expect(a.page.getByText(w('collab.assessmentSubmitted'))).toBeVisible();

  await b.tab('collab.assessment').click();
  await expect(
    b.page.locator('.partner-status').getByText(`${loop.se.organisation}: ${w('collab.partnerSubmitted')}`),
  ).toBeVisible();
  await b.fillAssessment(
    {
      middelen_tweerichting: 4,
      waardecreatie_interactie: 2,
      partnerschap_structureel: 3,
      middelen_gelijkwaardig: 2,
    },
    loop.companyIndividual,
    'transaction',
  );
  await b.page.getByRole('button', { name: w('collab.submitAssessment') }).click();

  // The results, on both sides: the position in plain words and why, the partners' answers as paired bars.
  // Both rate aligning and structural work at most 3 (mean 2.75 < 4) with resources flowing both ways.
  await a.page.reload();
  for (const [me, partner] of [
    [b, loop.se.organisation],
    [a, loop.company.organisation],
  ] as const) {
    await expect(me.page.getByRole('heading', { name: w('collab.continuum') })).toBeVisible();
    await expect(me.page.getByTestId('continuum-meaning')).toHaveText(
      w('collab.positionMeaning.transactional'),
    );
    await expect(
      me.page.getByRole('list', { name: w('collab.continuum') }).locator('[aria-current="step"]'),
    ).toHaveText(w('collab.positions.transactional'));
    await expect(me.page.locator('p', { hasText: `${w('collab.whyPosition')}:` })).toContainText(
      w('collab.positions.transactional'),
    );
    await expect(me.page.getByRole('heading', { name: w('collab.chartTitle') })).toBeVisible();
    const bars = me.page.locator('figure.paired-bars');
    await expect(bars.locator('.paired-legend')).toContainText(w('collab.you'));
    await expect(bars.locator('.paired-legend')).toContainText(partner);
    await expect(bars.locator('.paired-row')).toHaveCount(12);
    // Equality of exchange: 5 for the social enterprise, 2 for the company, two bars side by side.
    const equality = assessment.items.find((i) => i.id === 'middelen_gelijkwaardig')!.label[lang];
    const pair = bars.locator('.paired-row').filter({ hasText: equality });
    await expect(pair.locator('.paired-bar')).toHaveCount(2);
    const legend = (await bars.locator('.paired-legend li').allTextContents()).map((x) => x.trim());
    const mine = me === a ? '5' : '2';
    const theirs = me === a ? '2' : '5';
    await expect(pair.locator('.paired-number')).toHaveText(
      legend.map((name) => (name === w('collab.you') ? mine : theirs)),
    );
    await expect(me.page.getByText(w('collab.ambitionMismatch'))).toBeVisible();
    await expect(me.page.getByText(loop.seIndividual)).toBeVisible();
    await expect(me.page.getByText(loop.companyIndividual)).toBeVisible();
  }
  await expectAccessible(a.page, `self-assessment results (${lang})`);
  if (phone) await expectAccessible(b.page, `self-assessment results, partner (${lang})`);

  // ── The round's PDF, in the reader's language, with the whole loop in it. ──
  let download: Download;
  if (phone) {
    await a.tab('collab.wheel').click();
    [download] = await Promise.all([
      a.page.waitForEvent('download'),
      a.page.getByRole('link', { name: w('canvas.roundPdf', { n: 1 }) }).click(),
    ]);
  } else {
    await a.tab('collab.rounds').click();
    await expectAccessible(a.page, `rounds (${lang})`);
    [download] = await Promise.all([
      a.page.waitForEvent('download'),
      a.page.getByRole('link', { name: new RegExp(`^${literally(w('collab.report')).source}`) }).click(),
    ]);
  }
  const text = execFileSync('pdftotext', [await download.path(), '-'])
    .toString('utf8')
    .replace(/\s+/g, ' ');
  for (const expected of [
    loop.collaboration,
    loop.se.organisation,
    loop.company.organisation,
    a.topicName(gapTopic),
    gapSe.text,
    gapCompany.text,
    w('canvas.agenda'),
    w('canvas.agreementsByTopic'),
    loop.agreement,
    loop.action,
    loop.company.person,
    w('canvas.assessment'),
    w('canvas.continuum'),
    w('collab.positions.transactional'),
  ])
    expect(text, `the round PDF (${lang}) names “${expected}”`).toContain(expected);
  expect(text).not.toContain(w('canvas.assessmentNotRevealed'));

  await a.page.context().close();
  await b.page.context().close();
}

test('Dutch, laptop: two new organisations walk the whole loop, from invitation to PDF', async ({
  browser,
}) => {
  // Two people in two browsers through every screen, with axe on each: allow it time on a busy 2-core machine.
  test.setTimeout(300_000);
  await walkTheLoop(browser, {
    lang: 'nl',
    phone: false,
    se: { person: 'Sanne Lus', organisation: 'Werkpoort Lus' },
    company: { person: 'Marco Lus', organisation: 'Bouwbedrijf Lus' },
    collaboration: 'Inpakwerk in de lus',
    seAnswers: [
      { topic: 'ambition', rating: 3, text: 'Meer mensen duurzaam aan het werk.' },
      { topic: 'goals', rating: 2, text: 'Doelen staan nog niet op papier.' },
      { topic: 'motivation', rating: 'nr', text: 'Speelt nu nog niet.' },
      { topic: 'equality', rating: 4, text: 'Wij voelen ons gelijkwaardig.' },
    ],
    companyAnswers: [
      { topic: 'ambition', rating: 4, text: 'Inclusiever worden als bouwer.' },
      { topic: 'goals', rating: 2, text: 'We hebben nog geen gezamenlijke doelen.' },
      { topic: 'equality', rating: 1, text: 'Wij bepalen nu nog alles.' },
    ],
    agreement: 'We bespreken de prijzen elk kwartaal samen.',
    action: 'Kwartaaloverleg over prijzen plannen',
    seIndividual: 'Twee mensen een vaste baan',
    companyIndividual: 'Stageplekken op de bouw',
  });
});

test('English, phone: the same loop at 375 px, with the topic list first', async ({ browser }) => {
  test.setTimeout(300_000);
  await walkTheLoop(browser, {
    lang: 'en',
    phone: true,
    se: { person: 'Sam Loop', organisation: 'Workshop Loop' },
    company: { person: 'Chris Loop', organisation: 'Builders Loop' },
    collaboration: 'Packing in the loop',
    seAnswers: [
      { topic: 'ambition', rating: 3, text: 'More people in lasting work.' },
      { topic: 'equality', rating: 4, text: 'We feel equal partners.' },
    ],
    companyAnswers: [{ topic: 'equality', rating: 1, text: 'We still decide everything.' }],
    agreement: 'We talk about prices together every quarter.',
    action: 'Plan the quarterly price meeting',
    seIndividual: 'Two people in a steady job',
    companyIndividual: 'Work placements on site',
  });
});
