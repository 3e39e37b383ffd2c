import { Link } from 'react-router';
import type { RatingValue, Workspace } from '../../../../contracts/collaborations.ts';
import { wheel } from '../../../../domain/instrument/wheel.ts';
import { CANVAS_SIZES, canvasUrl } from '../../wheel/canvas.ts';
import { type TopicView, WheelChart } from '../../wheel/WheelChart.tsx';
import { useCollabWords } from '../labels.ts';
import { TopicPanel } from '../TopicPanel.tsx';
import { useTabState } from './tabState.tsx';

function topicViews(
  workspace: Workspace,
  words: { orgName: (id: string) => string; rating: (value: RatingValue | undefined) => string },
): Record<string, TopicView> {
  const round = workspace.currentRound;
  const us = workspace.us.organisationId;
  const inPlace = new Set(round.revealedAt ? (workspace.placement?.inPlace ?? []) : []);
  const gaps = new Set(round.revealedAt ? (workspace.placement?.gaps ?? []) : []);
  const agreed = new Set(workspace.agreements.map((a) => a.topicId));
  // While a new round is answered, the previous revealed round stays on the wheel as a faint reference.
  const previous = round.revealedAt ? null : workspace.previousRound;
  const previousPoint = previous && workspace.timeline.find((p) => p.round === previous.number);
  // The organisations whose ratings a segment names and its rim shows: us first, so each partner finds itself
  // in the same place; then the other partners; then a former partner whose answers count.
  const organisations = round.revealedAt
    ? [
        us,
        ...workspace.participants.map((p) => p.organisationId).filter((id) => id !== us),
        ...workspace.formerParticipants
          .map((p) => p.organisationId)
          .filter((id) => round.answers.some((a) => a.organisationId === id)),
      ]
    : [us];
  const views: Record<string, TopicView> = {};
  for (const topic of wheel.topics) {
    const ratings = organisations.map(
      (id) => round.answers.find((a) => a.organisationId === id && a.topicId === topic.id)?.rating ?? null,
    );
    const answered = ratings.some((r) => r !== null);
    // After handing in, our own answers stay visible: submitting locks them, it does not hide them.
    // A topic nobody answered stays an outline after the reveal too: it looks different from one talked about.
    const state: TopicView['state'] = round.revealedAt
      ? inPlace.has(topic.id)
        ? 'inPlace'
        : answered
          ? 'revealed'
          : 'empty'
      : answered
        ? 'ours'
        : 'empty';
    const answeredBefore = previous?.answers.some((a) => a.topicId === topic.id && a.rating !== null);
    views[topic.id] = {
      state,
      gap: gaps.has(topic.id),
      agreed: agreed.has(topic.id),
      ratings: answered ? ratings : [],
      previous: previousPoint?.inPlace.includes(topic.id)
        ? 'inPlace'
        : answeredBefore
          ? 'answered'
          : undefined,
      ratingsText: answered
        ? organisations.map((id, k) => `${words.orgName(id)} ${words.rating(ratings[k])}`).join('; ')
        : undefined,
    };
  }
  return views;
}

/** The wheel (or the same as a list) beside the chosen topic's panel: where answers, agreements and actions are made. */
export function WheelTab({ workspace }: { workspace: Workspace }) {
  const { t, lang, topicName, orgName, rating } = useCollabWords(workspace);
  const round = workspace.currentRound.number;
  const [topic, setTopic] = useTabState<string | null>('wheel.topic', null);
  // On a phone the wheel's 21 labels are small: the list comes first there, the wheel is one tap away.
  const [asList, setAsList] = useTabState(
    'wheel.asList',
    typeof window !== 'undefined' && window.matchMedia?.('(max-width: 40rem)').matches === true,
  );
  const views = topicViews(workspace, { orgName, rating });
  return (
    <div className="wheel-layout">
      <div className="wheel-side">
        <div className="actions no-print">
          <button type="button" className="link-button" onClick={() => setAsList(!asList)}>
            {asList ? t('collab.wheelView') : t('collab.listView')}
          </button>
          <button type="button" className="link-button" onClick={() => window.print()}>
            {t('collab.printCanvas')}
          </button>
          {/* For a session on paper: the empty canvas, and this round filled in as far as we may see it. */}
          {CANVAS_SIZES.map((size) => (
            <a key={size} className="help-link" href={canvasUrl(size, lang)} download>
              {t(size === 'a4' ? 'canvas.emptyA4' : 'canvas.emptyA3')}
            </a>
          ))}
          <a
            className="help-link"
            href={`/api/v1/collaborations/${workspace.collaboration.id}/rounds/${round}/report.pdf?lang=${lang}`}
            download
          >
            {t('canvas.roundPdf', { n: round })}
          </a>
          <Link to="/method" className="help-link">
            {t('method.wheelLink')}
          </Link>
        </div>
        {asList ? (
          <ul className="topic-list">
            {wheel.topics.map((x) => (
              <li key={x.id}>
                <button
                  type="button"
                  className={`topic-item${topic === x.id ? ' selected' : ''}`}
                  aria-pressed={topic === x.id}
                  onClick={() => setTopic(x.id)}
                >
                  <span>{topicName(x.id)}</span>
                  <span className="muted">
                    {t(`collab.domains.${x.domain}`)} · {t(`collab.stages.${x.stage}`)} ·{' '}
                    {t(`collab.state.${views[x.id]!.state}`)}
                    {views[x.id]!.gap ? ` · ${t('collab.state.gap')}` : ''}
                    {views[x.id]!.agreed ? ` · ${t('collab.state.agreed')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <WheelChart views={views} selected={topic} onSelect={setTopic} />
        )}
        <ul className="wheel-legend">
          {(['empty', 'ours', 'revealed', 'inPlace'] as const).map((s) => (
            <li key={s}>
              <span className={`swatch ${s}`} aria-hidden="true" />
              {t(`collab.state.${s}`)}
            </li>
          ))}
          <li>{t('wheel.legendRim')}</li>
          <li>{t('wheel.legendGap')}</li>
          <li>✓ {t('collab.state.agreed')}</li>
          {Object.values(views).some((v) => v.previous) && <li>{t('wheel.legendPrevious')}</li>}
        </ul>
      </div>
      <div className="topic-side">
        {topic ? (
          <TopicPanel workspace={workspace} topicId={topic} onSelect={setTopic} />
        ) : (
          <p className="card muted">{t('collab.chooseTopic')}</p>
        )}
      </div>
    </div>
  );
}
