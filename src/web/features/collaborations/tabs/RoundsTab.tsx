import type { Workspace } from '../../../../contracts/collaborations.ts';
import { STAGES } from '../../../../contracts/values.ts';
import { DOMAIN_IDS } from '../../../../domain/vocabulary.ts';
import { TableWrap } from '../../../components/TableWrap.tsx';
import { RoundWheel } from '../../wheel/RoundWheel.tsx';
import { useCollabWords } from '../labels.ts';

/** The rounds so far with their PDF reports, and how far each stage's ring was in place per round. */
export function RoundsTab({ workspace }: { workspace: Workspace }) {
  const { t, date, lang } = useCollabWords(workspace);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  return (
    <div>
      <h2>{t('collab.roundsTitle')}</h2>
      <ul className="list">
        {workspace.rounds.map((r) => (
          <li key={r.number} className="list-row">
            <span>
              <strong>{t('collab.round', { n: r.number })}</strong> ·{' '}
              {t('collab.roundStarted', { date: date(r.startedAt) })} ·{' '}
              {r.revealedAt
                ? t('collab.roundRevealedOn', { date: date(r.revealedAt) })
                : t('collab.roundOpen')}
            </span>
            <a
              className="button small"
              href={`/api/v1/collaborations/${workspace.collaboration.id}/rounds/${r.number}/report.pdf?lang=${lang}`}
              download
            >
              {t('collab.report')}
              <span className="visually-hidden"> {t('collab.round', { n: r.number })}</span>
            </a>
          </li>
        ))}
      </ul>
      {workspace.timeline.length > 0 && (
        <>
          <h3>{t('wheel.byRound')}</h3>
          <p className="muted">{t('wheel.byRoundHint')}</p>
          <ul className="round-wheels">
            {workspace.timeline.map((point) => (
              <li key={point.round}>
                <RoundWheel round={point.round} inPlace={point.inPlace} gaps={point.gaps} />
                <span>
                  {t('collab.round', { n: point.round })} · {point.inPlace.length}/21
                </span>
              </li>
            ))}
          </ul>
          <h3>{t('collab.timeline')}</h3>
          <TableWrap label={t('collab.timeline')}>
            <table className="table timeline">
              <thead>
                <tr>
                  <th scope="col">{t('collab.rounds')}</th>
                  {STAGES.map((s) => (
                    <th scope="col" key={s}>
                      {t(`collab.stages.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {workspace.timeline.map((point) => (
                  <tr key={point.round}>
                    <th scope="row">{t('collab.round', { n: point.round })}</th>
                    {STAGES.map((s) => {
                      const ring = point.rings[s];
                      return (
                        <td key={s}>
                          <span className="bar" aria-hidden="true">
                            <span className="bar-fill" style={{ width: percent(ring?.overall ?? 0) }} />
                          </span>{' '}
                          {percent(ring?.overall ?? 0)}
                          <span className="muted small-print">
                            {' '}
                            (
                            {DOMAIN_IDS.filter((d) => ring?.domains[d] !== undefined)
                              .map((d) => `${t(`collab.domains.${d}`)} ${percent(ring!.domains[d]!)}`)
                              .join(', ')}
                            )
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </div>
  );
}
