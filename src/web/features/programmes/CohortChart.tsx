import { useTranslation } from 'react-i18next';
import type { Cohort } from '../../../contracts/programmes.ts';
import { assessment } from '../../../domain/instrument/assessment.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * The study's Figure 2, live: a diverging stacked bar per statement, neutral centred, n beside it. The bars are
 * a picture; the table below holds the same figures for screen readers and print.
 */
export function CohortChart({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const label = (v: number) => assessment.scale.points.find((p) => p.value === v)!.label[lang];
  return (
    <div className="cohort">
      <p className="hint">{t('programme.legend')}</p>
      <ul className="cohort-legend" aria-hidden="true">
        {SCALE.map((v) => (
          <li key={v}>
            <span className={`swatch likert-${v}`} /> {label(v)}
          </li>
        ))}
      </ul>
      <div className="cohort-bars" aria-hidden="true">
        {cohort.statements.map((s) => {
          const item = assessment.items.find((i) => i.id === s.itemId)!;
          const n = s.n ?? 0;
          const share = (count: number) => (n ? (100 * count) / n / 2 : 0);
          const left = s.counts ? share(s.counts[0]!) + share(s.counts[1]!) + share(s.counts[2]!) / 2 : 0;
          return (
            <div key={s.itemId} className="cohort-row">
              <span className="cohort-label">{item.statement[lang]}</span>
              {s.counts ? (
                <span className="cohort-track">
                  <span className="cohort-stack" style={{ left: `${50 - left}%` }}>
                    {SCALE.map((v, i) => (
                      <span key={v} className={`likert-${v}`} style={{ width: `${share(s.counts![i]!)}%` }} />
                    ))}
                  </span>
                  <span className="cohort-centre" />
                </span>
              ) : (
                <span className="cohort-track muted">{t('programme.tooFew')}</span>
              )}
              <span className="cohort-n">{s.n === null ? '' : `n = ${s.n}`}</span>
            </div>
          );
        })}
      </div>
      <TableWrap label={t('programme.table')}>
        <table className="table">
          <caption className="visually-hidden">{t('programme.cohort')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programme.statement')}</th>
              {SCALE.map((v) => (
                <th scope="col" key={v}>
                  {label(v)}
                </th>
              ))}
              <th scope="col">{t('programme.n')}</th>
            </tr>
          </thead>
          <tbody>
            {cohort.statements.map((s) => (
              <tr key={s.itemId}>
                <th scope="row">{assessment.items.find((i) => i.id === s.itemId)!.statement[lang]}</th>
                {s.counts ? (
                  <>
                    {s.counts.map((c, i) => (
                      <td key={SCALE[i]}>{c}</td>
                    ))}
                    <td>{s.n}</td>
                  </>
                ) : (
                  <td colSpan={6} className="muted">
                    {t('programme.tooFew')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
