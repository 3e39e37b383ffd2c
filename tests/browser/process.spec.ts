import { expect, type Page, test } from '@playwright/test';
import { partneringProcess } from '../../src/domain/instrument/process.ts';
import { topicById } from '../../src/domain/instrument/wheel.ts';
import { DELIVERABLE_FORMS, type DeliverableId } from '../../src/domain/process/forms.ts';
import type { Locale } from '../../src/domain/vocabulary.ts';
import { expectAccessible } from './pages/app.ts';
import { partnered, person } from './pages/people.ts';
import { literally, wordsIn } from './pages/words.ts';

// Issue 12, point 9: two partners walk one cycle of the partnering process on the "Proces" tab, in Dutch, as
// they would on screen: the start checks answered privately and revealed together with advice, a deliverable
// filled in, agreed by both and changed again, go/no-go criteria and a pilot, the measured value, the decision
// taken together, and the next cycle. The words come from the catalogues and from process.json / forms.ts.

const w = wordsIn('nl');
const step = (id: string, lang: Locale = 'nl') =>
  partneringProcess.steps.find((s) => s.id === id)!.label[lang];
const activity = (id: DeliverableId, lang: Locale = 'nl') =>
  partneringProcess.steps.flatMap((s) => s.activities).find((a) => a.id === id)!.label[lang];
const field = (deliverable: DeliverableId, id: string) => {
  const f = DELIVERABLE_FORMS[deliverable].fields.find((x) => x.id === id)!;
  return { label: f.label, columns: f.kind === 'table' ? f.columns : [] };
};
const criterion = (id: string) =>
  [...partneringProcess.appropriateness, ...partneringProcess.readiness].find((c) => c.id === id)!.text.nl;
const topic = (id: string) => topicById(id)!.label.nl;
/** Today as the screen writes a date. */
const today = () => new Date().toLocaleDateString('nl-NL');

type Rating = 1 | 2 | 3 | 4;

/** The Proces tab, opened from the workspace's tabs as a person does. */
async function openProcess(page: Page, id: string) {
  await page.goto(`/collaborations/${id}`);
  await page.getByRole('tab', { name: w('collab.processTab'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: w('process.title') })).toBeVisible();
}

/** A step of the guide: its section folds open by its summary when it is not the current one. */
async function openStep(page: Page, id: string, lang: Locale = 'nl') {
  const section = page.locator('details.step-section').filter({
    has: page.locator('summary', { hasText: new RegExp(`^\\d\\. ${literally(step(id, lang)).source}`) }),
  });
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  await expect(section).toHaveAttribute('open', '');
  return section;
}

function card(page: Page, deliverable: DeliverableId, lang: Locale = 'nl') {
  return page.getByRole('article', { name: activity(deliverable, lang), exact: true });
}

/** Every start check rated with the radio buttons, 3 unless told otherwise, one note. */
async function answerChecks(page: Page, ratings: Record<string, Rating>, note: { on: string; text: string }) {
  const checks = page.getByRole('region', { name: w('process.checks.start') });
  for (const c of [...partneringProcess.appropriateness, ...partneringProcess.readiness]) {
    const group = checks.getByRole('group', { name: criterion(c.id) });
    await group
      .getByRole('radio', { name: w(`collab.ratings.${ratings[c.id] ?? 3}` as 'collab.ratings.3') })
      .check();
    if (c.id === note.on) await group.getByLabel(w('process.note')).fill(note.text);
  }
  await checks.getByRole('button', { name: w('process.submitChecks'), exact: true }).click();
  return checks;
}

test('two partners walk one cycle of the partnering process, in Dutch', async ({ browser }) => {
  // Two people in two browsers through every part of the tab, with axe three times: time on a busy machine.
  test.setTimeout(300_000);
  const a = await person(browser, 'Anna Proces', 'Werkpoort Proces', 'wise');
  const b = await person(browser, 'Bram Proces', 'Bouw Proces', 'regular-company');
  const id = await partnered(a, b, 'Proces samen');

  // ── 1. Mobiliseren: the start checks, private until both handed in, then advice. ──
  await openProcess(a.page, id);
  await expect(
    a.page.getByRole('heading', { level: 3, name: w('process.whereTitle', { n: 1 }) }),
  ).toBeVisible();
  await expect(a.page.locator('.stepper [aria-current="step"]')).toContainText(step('mobilize'));
  await expect(a.page.locator('details.step-section').first()).toHaveAttribute('open', '');
  await expect(a.page.locator('details.step-section').first().locator('summary')).toContainText(
    step('mobilize'),
  );
  await expect(a.page.getByText(w('process.todo.checks'))).toBeVisible();
  const noteA = 'Wij kennen elkaar nog maar net.';
  const checksA = await answerChecks(a.page, { trust: 2 }, { on: 'trust', text: noteA });
  await expect(checksA.getByText(w('process.checksSubmitted'))).toBeVisible();
  await expect(checksA.getByText(w('process.statusSubmitted', { org: w('collab.you') }))).toBeVisible();

  await openProcess(b.page, id);
  const checksB = b.page.getByRole('region', { name: w('process.checks.start') });
  await expect(checksB.getByText(w('process.statusSubmitted', { org: 'Werkpoort Proces' }))).toBeVisible();
  // Private until the reveal: nothing of A's answers is on B's screen.
  await expect(b.page.locator('body')).not.toContainText(noteA);
  const noteB = 'Budget is er alleen voor dit jaar.';
  // The last to hand in sees everyone's answers at once.
  await answerChecks(b.page, { 'significant-problem': 4, resources: 1 }, { on: 'resources', text: noteB });

  // Revealed on both sides: one combined view, with advice that starts from the wheel.
  await a.page.reload();
  for (const page of [b.page, a.page]) {
    const checks = page.getByRole('region', { name: w('process.checks.start') });
    await expect(checks.locator('.advice')).toHaveText(w('process.advice.not-yet'));
    await expect(checks.getByText(w('process.advice.startWith'))).toBeVisible();
    for (const t of ['willingness-to-invest', 'trust', 'transparency'])
      await expect(checks.getByRole('button', { name: topic(t), exact: true })).toBeVisible();
    const table = checks.getByRole('table');
    await expect(table).toContainText(noteA);
    await expect(table).toContainText(noteB);
    await expect(
      table.getByRole('row', { name: new RegExp(literally(criterion('trust')).source) }),
    ).toContainText(w('process.criterionStatus.weak'));
  }
  await expectAccessible(a.page, 'the process tab with the start checks revealed');

  // ── 2. The problem definition: filled in by A, agreed by both, changed by B: a draft again. ──
  const problemA = card(a.page, 'problem-definition');
  await expect(problemA.getByText(w('process.state.empty'), { exact: true })).toBeVisible();
  await problemA.getByRole('button', { name: w('process.open'), exact: true }).click();
  await problemA
    .getByLabel(field('problem-definition', 'problem').label.nl, { exact: true })
    .fill('Te weinig mensen met een afstand tot werk vinden een plek in de bouw.');
  const causes = problemA.getByLabel(field('problem-definition', 'rootCauses').label.nl, { exact: true });
  await causes.fill('Geen vervoer naar de bouwplaats\nTaalbarrière op de werkvloer');
  await expectAccessible(a.page, 'the process tab with the problem definition open');
  await problemA.getByRole('button', { name: w('process.save'), exact: true }).click();
  await expect(problemA.locator('.badge')).toHaveText(w('process.state.draft'));
  await expect(problemA.getByText(w('process.savedDraft'), { exact: true })).toBeVisible();
  await problemA.getByRole('button', { name: w('process.signOff') }).click();
  await expect(problemA.getByText(w('process.waitingFor', { list: 'Bouw Proces' }))).toBeVisible();
  await expect(problemA.getByRole('button', { name: w('process.withdrawSignOff') })).toBeVisible();

  await b.page.reload();
  const problemB = card(b.page, 'problem-definition');
  await expect(problemB.locator('.badge')).toHaveText(w('process.state.draft'));
  await expect(problemB.getByText(w('process.waitingFor', { list: w('collab.you') }))).toBeVisible();
  await expect(
    b.page.getByText(w('process.todo.signOff', { name: activity('problem-definition') })),
  ).toBeVisible();
  await problemB.getByRole('button', { name: w('process.signOff') }).click();
  await expect(problemB.locator('.badge')).toHaveText(w('process.state.agreed'));
  // B adds a root cause: a new version, which both have to agree again.
  await problemB.getByRole('button', { name: w('process.open'), exact: true }).click();
  const causesB = problemB.getByLabel(field('problem-definition', 'rootCauses').label.nl, { exact: true });
  await expect(causesB).toHaveValue('Geen vervoer naar de bouwplaats\nTaalbarrière op de werkvloer');
  await causesB.press('Control+End');
  await causesB.pressSequentially('\nGeen begeleider op de bouw');
  await problemB.getByRole('button', { name: w('process.save'), exact: true }).click();
  await expect(problemB.locator('.badge')).toHaveText(w('process.state.draft'));
  await problemB.getByRole('button', { name: w('process.versions', { n: 2 }) }).click();
  const versions = problemB.getByRole('list', { name: w('process.versionHistory') });
  await expect(versions).toContainText(
    w('process.change.added', {
      field: field('problem-definition', 'rootCauses').label.nl,
      item: '“Geen begeleider op de bouw”',
    }),
  );
  await expect(versions).toContainText(
    w('process.versionLine', { n: 2, who: `Bram Proces, ${w('collab.you')}`, when: today() }),
  );
  // A still has the form open: B's version arrives on A's screen without replacing what A types, and A's
  // save is refused with the edit-conflict message instead of overwriting B's line.
  await expect(problemA.getByRole('button', { name: w('process.versions', { n: 2 }) })).toBeVisible();
  const problemFieldA = problemA.getByLabel(field('problem-definition', 'problem').label.nl, { exact: true });
  await problemFieldA.fill('Te weinig mensen met een afstand tot werk vinden een vaste plek in de bouw.');
  await problemA.getByRole('button', { name: w('process.save'), exact: true }).click();
  await expect(problemA.getByText(w('process.editConflict'))).toBeVisible();
  await expect(problemFieldA).toHaveValue(
    'Te weinig mensen met een afstand tot werk vinden een vaste plek in de bouw.',
  );
  await problemA.getByRole('button', { name: w('process.close'), exact: true }).click();
  await problemA.getByRole('button', { name: w('process.open'), exact: true }).click();
  await expect(causes).toHaveValue(
    'Geen vervoer naar de bouwplaats\nTaalbarrière op de werkvloer\nGeen begeleider op de bouw',
  );

  // ── 3. Samen ontwikkelen: a go/no-go criterion in the shared measurement system. ──
  await a.page.reload();
  const coDevelop = await openStep(a.page, 'co-develop');
  const measurement = card(a.page, 'measurement-system');
  await expect(coDevelop.getByRole('article', { name: activity('measurement-system') })).toBeVisible();
  await measurement.getByRole('button', { name: w('process.open'), exact: true }).click();
  const criteria = measurement.getByRole('group', { name: field('measurement-system', 'criteria').label.nl });
  await criteria.getByRole('button', { name: w('process.addRow') }).click();
  const [indicator, comparator, threshold, byWhen] = field('measurement-system', 'criteria').columns.map(
    (c) => `${c.label.nl} (${w('process.row', { n: 1 })})`,
  );
  await criteria.getByLabel(indicator!, { exact: true }).fill('Mensen met een vaste plek');
  await criteria.getByLabel(comparator!, { exact: true }).selectOption({ label: '≥' });
  await criteria.getByLabel(threshold!, { exact: true }).fill('5');
  await criteria.getByLabel(byWhen!, { exact: true }).fill('2030-06-30');
  await measurement.getByRole('button', { name: w('process.save'), exact: true }).click();
  await expect(measurement.locator('.badge')).toHaveText(w('process.state.draft'));

  // ── Pilot en test: a pilot planned, with the proposed dates. ──
  const pilotTest = await openStep(a.page, 'pilot-test');
  const pilots = pilotTest.getByRole('region', { name: w('process.pilots'), exact: true });
  await expect(pilots.getByText(w('process.pilotsEmpty'))).toBeVisible();
  await pilots.getByRole('button', { name: w('process.addPilot') }).click();
  await expect(pilots.getByLabel(w('process.pilotStarts'))).not.toHaveValue('');
  await expect(pilots.getByLabel(w('process.pilotEnds'))).not.toHaveValue('');
  await pilots.getByLabel(w('process.pilotTitle')).fill('Vijf leerwerkplekken op de bouw');
  await pilots.getByRole('button', { name: w('process.savePilot') }).click();
  await expect(pilots.getByText('Vijf leerwerkplekken op de bouw', { exact: true })).toBeVisible();
  await expect(
    pilots.getByRole('button', {
      name: w('process.editPilot', { title: 'Vijf leerwerkplekken op de bouw' }),
    }),
  ).toBeVisible();

  // ── Opschalen: B measures, the criterion is met; both choose to scale. ──
  await b.page.reload();
  const scaleB = await openStep(b.page, 'scale');
  const decisionB = scaleB.getByRole('region', { name: w('process.goNoGo'), exact: true });
  const row = decisionB.getByRole('row', { name: /Mensen met een vaste plek/ });
  await expect(row).toContainText(w('process.result.not-measured'));
  await row.getByLabel(w('process.measuredFor', { indicator: 'Mensen met een vaste plek' })).fill('6');
  await row.getByRole('button', { name: w('process.saveShort'), exact: true }).click();
  await expect(row).toContainText(w('process.result.met'));
  await expect(decisionB.getByText(w('process.suggestion.scale'))).toBeVisible();

  await a.page.reload();
  const scaleA = await openStep(a.page, 'scale');
  const decisionA = scaleA.getByRole('region', { name: w('process.goNoGo'), exact: true });
  await expect(decisionA.getByRole('row', { name: /Mensen met een vaste plek/ })).toContainText(
    w('process.result.met'),
  );
  const choiceA = decisionA.getByRole('group', { name: w('process.yourChoice') });
  await choiceA.getByRole('radio', { name: w('process.decision.scale') }).check();
  await decisionA.getByRole('button', { name: w('process.choose'), exact: true }).click();
  await expect(
    decisionA.getByText(
      w('process.voteLine', {
        org: w('collab.you'),
        decision: w('process.decision.scale'),
        who: 'Anna Proces',
      }),
    ),
  ).toBeVisible();
  await expect(decisionA.getByText(w('process.waitingFor', { list: 'Bouw Proces' }))).toBeVisible();
  await expectAccessible(a.page, 'the process tab with the decision panel');

  await b.page.reload();
  const decisionB2 = (await openStep(b.page, 'scale')).getByRole('region', {
    name: w('process.goNoGo'),
    exact: true,
  });
  await decisionB2
    .getByRole('group', { name: w('process.yourChoice') })
    .getByRole('radio', { name: w('process.decision.scale') })
    .check();
  await decisionB2.getByRole('button', { name: w('process.choose'), exact: true }).click();
  const decided = w('process.decided', { decision: w('process.decision.scale'), date: today() });
  await expect(decisionB2.getByText(decided)).toBeVisible();

  // ── The next cycle: started by A; cycle 1 stays, to be read only. ──
  await a.page.reload();
  const decisionA2 = (await openStep(a.page, 'scale')).getByRole('region', {
    name: w('process.goNoGo'),
    exact: true,
  });
  await expect(decisionA2.getByText(decided)).toBeVisible();
  await expectAccessible(a.page, 'the process tab with the decision taken');
  await decisionA2.getByRole('button', { name: w('process.startCycle', { n: 2 }) }).click();
  await expect(
    a.page.getByRole('heading', { level: 3, name: w('process.whereTitle', { n: 2 }) }),
  ).toBeVisible();
  await expect(card(a.page, 'problem-definition').locator('.badge')).toHaveText(w('process.state.draft'));
  // Carried over as a draft that nobody signed yet.
  await expect(
    card(a.page, 'problem-definition').getByRole('button', { name: w('process.signOff') }),
  ).toBeVisible();
  const cycle = a.page.getByRole('combobox', { name: new RegExp(`^${w('process.cycle')}`) });
  await cycle.selectOption({
    label: `${w('process.cycleOption', { n: 1 })} · ${w('process.decision.scale')}`,
  });
  await expect(a.page.getByText(w('process.readOnlyCycle', { n: 1 }))).toBeVisible();
  await expect(
    a.page.getByRole('heading', { level: 3, name: w('process.whereTitle', { n: 1 }) }),
  ).toBeVisible();
  await expect(card(a.page, 'problem-definition').locator('.badge')).toHaveText(w('process.state.draft'));
  await expect(
    card(a.page, 'problem-definition').getByRole('button', { name: w('process.read') }),
  ).toBeVisible();
  await expect(a.page.getByRole('button', { name: w('process.signOff') })).toHaveCount(0);

  await a.context.close();
  await b.context.close();
});

test('English, phone: the Process tab opens at 375 px without sideways scrolling', async ({ browser }) => {
  const en = wordsIn('en');
  const a = await person(browser, 'Ann Process', 'Workshop Process', 'wise', { lang: 'en', width: 375 });
  const b = await person(browser, 'Bob Process', 'Builders Process', 'regular-company', { lang: 'en' });
  const id = await partnered(a, b, 'Process together');
  await a.page.goto(`/collaborations/${id}`);
  await a.page.getByRole('tab', { name: en('collab.processTab'), exact: true }).click();
  await expect(
    a.page.getByRole('heading', { level: 3, name: en('process.whereTitle', { n: 1 }) }),
  ).toBeVisible();
  await expect(a.page.getByRole('region', { name: en('process.checks.start') })).toBeVisible();
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(a.page, 'the Process tab on a phone (en)');
  // A deliverable with a table, opened: the table scrolls in its own frame, the page does not.
  await openStep(a.page, 'co-develop', 'en');
  const measurement = card(a.page, 'measurement-system', 'en');
  await measurement.getByRole('button', { name: en('process.open'), exact: true }).click();
  await measurement
    .getByRole('group', { name: field('measurement-system', 'criteria').label.en })
    .getByRole('button', { name: en('process.addRow') })
    .click();
  await expect(
    measurement
      .getByRole('region', { name: field('measurement-system', 'criteria').label.en })
      .getByRole('table'),
  ).toBeVisible();
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectAccessible(a.page, 'the Process tab on a phone with a deliverable open (en)');
  await a.context.close();
  await b.context.close();
});

// Issue 12, points 7 and 8: an action of a deliverable in the one list of actions, filterable; the process as a
// JSON file and that file read into another collaboration as its starting point.
test('an action of a deliverable shows on the process and in the filtered actions list; a process starts from another one’s JSON', async ({
  browser,
}) => {
  const a = await person(browser, 'Sanne Sjabloon', 'Werkpoort Sjabloon', 'wise');
  const b = await person(browser, 'Marco Sjabloon', 'Bouw Sjabloon', 'regular-company');
  const id = await partnered(a, b, 'Van sjabloon');
  await openProcess(a.page, id);
  const mobilize = await openStep(a.page, 'mobilize');
  const problem = card(a.page, 'problem-definition');
  await problem.getByRole('button', { name: w('process.open'), exact: true }).click();
  await problem.getByLabel(field('problem-definition', 'problem').label.nl).fill('Te weinig leerwerkplekken');
  await problem.getByRole('button', { name: w('process.save'), exact: true }).click();
  await expect(problem.getByText(w('process.state.draft'), { exact: true })).toBeVisible();
  await problem.getByLabel(w('process.newAction')).fill('Gesprek met de uitvoerders plannen');
  await problem.getByRole('button', { name: w('process.addAction') }).click();
  await expect(problem.getByText('Gesprek met de uitvoerders plannen')).toBeVisible();
  await expect(mobilize.getByText(w('process.openActions', { n: 1 }))).toBeVisible();

  // One list of actions: the wheel's and the process's, filtered by what they belong to.
  await a.page.getByRole('tab', { name: w('collab.actions'), exact: true }).click();
  const filter = a.page.getByLabel(w('collab.actionFilter.label'));
  await filter.selectOption({ label: w('collab.actionFilter.step', { step: step('mobilize') }) });
  await expect(a.page.getByText(/Gesprek met de uitvoerders plannen/)).toBeVisible();
  await filter.selectOption({ label: w('collab.actionFilter.wheel') });
  await expect(a.page.getByText(/Gesprek met de uitvoerders plannen/)).toHaveCount(0);
  await expect(a.page.getByText(w('collab.noActions'))).toBeVisible();

  // The JSON of this process, read into a new collaboration of B's as its starting point.
  const exported = await a.context.request.get(`/api/v1/collaborations/${id}/process/export.json`);
  expect(exported.status()).toBe(200);
  const c = await person(browser, 'Fatima Sjabloon', 'Gemeente Sjabloon', 'municipality');
  const other = await partnered(b, c, 'Nieuw, vanuit het sjabloon');
  await openProcess(b.page, other);
  await b.page.getByText(w('process.documents')).click();
  await expectAccessible(b.page, 'process documents');
  await b.page.getByLabel(w('process.importLabel')).setInputFiles({
    name: 'proces.json',
    mimeType: 'application/json',
    buffer: Buffer.from(await exported.text()),
  });
  await expect(
    b.page.getByText(w('process.imported', { list: activity('problem-definition') })),
  ).toBeVisible();
  await openStep(b.page, 'mobilize');
  await expect(
    card(b.page, 'problem-definition').getByText(w('process.state.draft'), { exact: true }),
  ).toBeVisible();
  // A file that is not an export is refused in words, and nothing changes.
  await b.page.getByLabel(w('process.importLabel')).setInputFiles({
    name: 'notities.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('geen json'),
  });
  await expect(b.page.getByText(w('process.importNotJson'))).toBeVisible();
  for (const p of [a, b, c]) await p.context.close();
});
