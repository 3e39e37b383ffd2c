import { eq } from 'drizzle-orm';
import type { Tx } from './client.ts';
import { collaborations, ledgerIndicators, ledgerTargets, ledgerValues } from './schema/index.ts';

/** The month `n` months before the demo is made, as 2026-03. */
function monthsAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
}

/**
 * "Leerwerkplekken in de bouw" counts people in training and people placed since its pilot began, with the
 * targets of its measurement plan (issue 13, first slice). Werkpoort and the builder enter their own figures.
 */
export async function seedDemoLedger(tx: Tx, orgIds: Record<string, string>): Promise<void> {
  const [collaboration] = await tx
    .select({ id: collaborations.id })
    .from(collaborations)
    .where(eq(collaborations.name, 'Leerwerkplekken in de bouw'));
  if (!collaboration) return;
  const werkpoort = orgIds['Werkpoort Logistiek']!;
  const bouw = orgIds['Van der Linden Bouw']!;
  const plan: {
    libraryId: string;
    baseline: number;
    targets: [number, number][];
    values: [number, string, number][];
  }[] = [
    {
      libraryId: 'people-in-training',
      baseline: 0,
      targets: [[0, 8]],
      values: [
        [2, werkpoort, 6],
        [2, bouw, 4],
        [1, werkpoort, 5],
        [1, bouw, 4],
        [0, werkpoort, 5],
        [0, bouw, 4],
      ],
    },
    {
      libraryId: 'people-placed',
      baseline: 0,
      targets: [
        [1, 1],
        [0, 2],
      ],
      values: [
        [1, bouw, 1],
        [0, bouw, 1],
      ],
    },
  ];
  for (const p of plan) {
    const [indicator] = await tx
      .insert(ledgerIndicators)
      .values({ collaborationId: collaboration.id, libraryId: p.libraryId, baseline: p.baseline })
      .returning();
    await tx
      .insert(ledgerTargets)
      .values(
        p.targets.map(([ago, target]) => ({ indicatorId: indicator!.id, period: monthsAgo(ago), target })),
      );
    await tx.insert(ledgerValues).values(
      p.values.map(([ago, organisationId, value]) => ({
        indicatorId: indicator!.id,
        organisationId,
        period: monthsAgo(ago),
        value,
        source: organisationId === werkpoort ? 'Deelnemersadministratie' : 'Urenregistratie bouwplaats',
      })),
    );
  }
}
