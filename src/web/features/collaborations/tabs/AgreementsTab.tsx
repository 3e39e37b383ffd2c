import type { Workspace } from '../../../../contracts/collaborations.ts';
import { subjectOrder } from '../../../../domain/process/subject.ts';
import { TableWrap } from '../../../components/TableWrap.tsx';
import { useCollabWords } from '../labels.ts';
import { ApprovalList } from '../TopicPanel.tsx';
import { useOpenTab } from './tabState.tsx';

/** The agreements overview ("afsprakenlijst"): every agreement by topic in the wheel's order, printable and as CSV. */
export function AgreementsTab({ workspace }: { workspace: Workspace }) {
  const { t, subjectName, date } = useCollabWords(workspace);
  const openTab = useOpenTab();
  const agreements = [...workspace.agreements].sort(
    (a, b) => subjectOrder(a) - subjectOrder(b) || a.agreedOn.localeCompare(b.agreedOn),
  );
  return (
    <div className="agreements-overview printable">
      <div className="section-head">
        <h2>{t('collab.agreementsTitle')}</h2>
        {agreements.length > 0 && (
          <span className="actions no-print">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('collab.printAgreements')}
            </button>
            <a
              className="button"
              href={`/api/v1/collaborations/${workspace.collaboration.id}/agreements.csv`}
              download
            >
              {t('collab.downloadAgreements')}
            </a>
          </span>
        )}
      </div>
      <p className="print-only">
        {workspace.collaboration.name} · {workspace.participants.map((p) => p.name).join(', ')} ·{' '}
        {date(new Date().toISOString())}
      </p>
      {agreements.length === 0 ? (
        <p className="muted">{t('collab.agreementsEmpty')}</p>
      ) : (
        <>
          <p className="no-print">{t('collab.agreementsIntro')}</p>
          <TableWrap label={t('collab.agreementsTitle')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('collab.topic')}</th>
                  <th scope="col">{t('collab.agreement')}</th>
                  <th scope="col">{t('collab.agreedOn')}</th>
                  <th scope="col">{t('collab.approvals')}</th>
                </tr>
              </thead>
              <tbody>
                {agreements.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          a.topicId ? openTab('wheel', { 'wheel.topic': a.topicId }) : openTab('process')
                        }
                      >
                        {subjectName(a)}
                      </button>
                    </th>
                    <td className="pre-wrap">{a.text}</td>
                    <td>{date(a.agreedOn)}</td>
                    <td>
                      <ApprovalList workspace={workspace} agreement={a} />
                    </td>
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
