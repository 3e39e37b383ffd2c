import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Workspace } from '../../../contracts/collaborations.ts';
import type { LedgerIndicator, LedgerView } from '../../../contracts/ledger.ts';
import { hasBegun, INDICATOR_LIBRARY } from '../../../domain/ledger/index.ts';
import { parseNumber } from '../../../domain/process/form-values.ts';
import { api, unwrap } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useErrorText } from '../../components/errors.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useCollabWords } from '../collaborations/labels.ts';
import { LedgerChart } from './LedgerChart.tsx';

const ledgerKey = (id: string) => ['ledger', id] as const;
const thisMonth = () => new Date().toISOString().slice(0, 7);

function useLedgerChange<Input>(collaborationId: string, send: (input: Input) => Promise<LedgerView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (view) => client.setQueryData(ledgerKey(collaborationId), view),
  });
}

/**
 * The impact ledger (issue 13, first slice): the indicators the partners chose, each with its definition
 * wherever its figure is shown, the partners' values per period against the target, and a form for your own.
 */
export function LedgerTab({ workspace }: { workspace: Workspace }) {
  const { t, lang } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const query = useQuery({
    queryKey: ledgerKey(id),
    queryFn: () => unwrap(api.GET('/collaborations/{id}/ledger', { params: { path: { id } } })),
  });
  const [choice, setChoice] = useState('');
  const add = useLedgerChange(id, (libraryId: string) =>
    unwrap(
      api.POST('/collaborations/{id}/ledger/indicators', { params: { path: { id } }, body: { libraryId } }),
    ),
  );
  if (query.isPending) return <p className="muted">{t('ledger.loading')}</p>;
  if (query.error) return <Alert kind="error">{errorText(query.error)}</Alert>;
  const view = query.data;
  const chosen = new Set(view.indicators.map((i) => i.libraryId));
  const available = INDICATOR_LIBRARY.filter((i) => !chosen.has(i.id));
  const editable = !workspace.collaboration.archivedAt;
  return (
    <div className="ledger">
      <div className="section-head">
        <h2>{t('ledger.title')}</h2>
        {view.indicators.some((i) => i.values.length > 0) && (
          <a className="button small" href={`/api/v1/collaborations/${id}/ledger.csv`} download>
            {t('ledger.downloadCsv')}
          </a>
        )}
      </div>
      <p className="muted">{t('ledger.intro')}</p>
      {view.indicators.length === 0 && <p>{t('ledger.empty')}</p>}
      {view.indicators.map((indicator) => (
        <IndicatorCard key={indicator.id} workspace={workspace} view={view} indicator={indicator} />
      ))}
      {editable && available.length > 0 && (
        <form
          className="inline-form ledger-add"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice) add.mutate(choice, { onSuccess: () => setChoice('') });
          }}
        >
          <label>
            {t('ledger.choose')}
            <select value={choice} onChange={(e) => setChoice(e.target.value)}>
              <option value="">{t('process.choose')}</option>
              {available.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={!choice || add.isPending}>
            {t('ledger.add')}
          </button>
          {add.error && <Alert kind="error">{errorText(add.error)}</Alert>}
        </form>
      )}
    </div>
  );
}

function IndicatorCard({
  workspace,
  view,
  indicator,
}: {
  workspace: Workspace;
  view: LedgerView;
  indicator: LedgerIndicator;
}) {
  const { t, lang, orgName } = useCollabWords(workspace);
  const errorText = useErrorText();
  const id = workspace.collaboration.id;
  const us = workspace.us.organisationId;
  const [period, setPeriod] = useState(thisMonth());
  const [value, setValue] = useState('');
  const [target, setTarget] = useState({ period: thisMonth(), value: '' });
  const path = { params: { path: { id, indicatorId: indicator.id } } };
  const enter = useLedgerChange(id, () => {
    const parsed = parseNumber(value);
    return unwrap(
      api.PUT('/collaborations/{id}/ledger/indicators/{indicatorId}/values/{period}', {
        params: { path: { id, indicatorId: indicator.id, period } },
        body: { value: parsed as number },
      }),
    );
  });
  const setTargetOf = useLedgerChange(id, () =>
    unwrap(
      api.PATCH('/collaborations/{id}/ledger/indicators/{indicatorId}', {
        ...path,
        body: {
          targets: [
            {
              period: target.period,
              target: target.value.trim() ? (parseNumber(target.value) as number) : null,
            },
          ],
        },
      }),
    ),
  );
  const headingId = `indicator-${indicator.id}`;
  const organisations = view.partners.map((p) => p.organisationId);
  const editable = !workspace.collaboration.archivedAt;
  const progress = indicator.progress.against;
  return (
    <article className="card indicator" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {indicator.label[lang]} <span className="muted small">({indicator.unit[lang]})</span>
      </h3>
      <p className="small">
        <strong>{t('ledger.definition')}:</strong> {indicator.definition[lang]}{' '}
        <span className="muted">
          {t(`ledger.level.${indicator.level}`)} · {t(`ledger.kind.${indicator.kind}`)}
          {indicator.iris ? ` · IRIS+ ${indicator.iris}` : ''}
        </span>
      </p>
      {progress && (
        <p className={`advice ${progress.met ? 'advice-go' : 'advice-not-yet'}`}>
          {t(progress.met ? 'ledger.met' : 'ledger.notMet', {
            period: progress.period,
            total: progress.total,
            target: progress.target,
          })}
        </p>
      )}
      {indicator.series.length === 0 ? (
        <p className="muted">{t('ledger.noValues')}</p>
      ) : (
        <LedgerChart
          indicator={indicator}
          labels={{
            total: t('ledger.total'),
            target: t('ledger.target'),
            summary: t('ledger.chartSummary', {
              indicator: indicator.label[lang],
              first: indicator.series[0]!.period,
              last: indicator.series.at(-1)!.period,
            }),
          }}
        />
      )}
      {indicator.series.length > 0 && (
        <TableWrap label={indicator.label[lang]}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('ledger.period')}</th>
                {organisations.map((o) => (
                  <th scope="col" key={o}>
                    {orgName(o)}
                  </th>
                ))}
                <th scope="col">{t('ledger.total')}</th>
                <th scope="col">{t('ledger.target')}</th>
              </tr>
            </thead>
            <tbody>
              {indicator.series.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{p.period}</th>
                  {organisations.map((o) => {
                    const v = indicator.values.find((x) => x.organisationId === o && x.period === p.period);
                    return (
                      <td key={o}>
                        {v ? v.value : '—'}
                        {v?.corrected && <span className="muted small"> · {t('ledger.corrected')}</span>}
                      </td>
                    );
                  })}
                  <td>
                    <strong>{p.partners ? p.total : '—'}</strong>
                  </td>
                  <td>{p.target ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editable && (
        <div className="ledger-forms">
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              enter.mutate(undefined, { onSuccess: () => setValue('') });
            }}
          >
            <label>
              {t('ledger.period')}
              <input
                type="month"
                min="1900-01"
                max={thisMonth()}
                value={period}
                onChange={(e) => setPeriod(e.target.value)}
                required
              />
            </label>
            <label>
              {t('ledger.ourValue', {
                org: view.partners.find((p) => p.organisationId === us)?.name ?? orgName(us),
              })}
              <input
                inputMode="decimal"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                required
                size={8}
              />
            </label>
            <button
              type="submit"
              className="button small"
              disabled={
                enter.isPending || !hasBegun(period || '9999-12', new Date().toISOString().slice(0, 10))
              }
            >
              {t('ledger.enter')}
            </button>
          </form>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              setTargetOf.mutate(undefined);
            }}
          >
            <label>
              {t('ledger.targetPeriod')}
              <input
                value={target.period}
                onChange={(e) => setTarget({ ...target, period: e.target.value })}
                size={8}
              />
            </label>
            <label>
              {t('ledger.target')}
              <input
                inputMode="decimal"
                value={target.value}
                onChange={(e) => setTarget({ ...target, value: e.target.value })}
                size={8}
              />
            </label>
            <button type="submit" className="button small" disabled={setTargetOf.isPending}>
              {t('ledger.setTarget')}
            </button>
          </form>
          {(enter.error || setTargetOf.error) && (
            <Alert kind="error">{errorText(enter.error ?? setTargetOf.error)}</Alert>
          )}
        </div>
      )}
    </article>
  );
}
