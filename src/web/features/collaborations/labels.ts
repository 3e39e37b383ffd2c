import { useTranslation } from 'react-i18next';
import type { RatingValue, Workspace } from '../../../contracts/collaborations.ts';
import type { Locale, WheelTopic } from '../../../domain/instrument/types.ts';
import { wheel } from '../../../domain/instrument/wheel.ts';

export const topicById = (id: string): WheelTopic | undefined => wheel.topics.find((t) => t.id === id);

/** Small helpers that turn workspace data into words in the reader's language. */
export function useCollabWords(workspace?: Workspace) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'nl';
  const topicName = (id: string) => topicById(id)?.label[lang] ?? id;
  const orgName = (id: string) =>
    id === workspace?.us.organisationId
      ? t('collab.you')
      : (workspace?.participants.find((p) => p.organisationId === id)?.name ?? '?');
  const rating = (value: RatingValue | undefined) =>
    t(`collab.ratings.${value === null || value === undefined ? 'none' : value}`);
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL');

  /** "Integration. Orientation is in place in all three domains. Not yet in place: Risk (partnership processes)…" */
  const explanation = (): string => {
    const p = workspace?.placement;
    if (!p) return t('collab.stageNone');
    const parts = [t('collab.explain.stage', { stage: t(`collab.stages.${p.stage}`) })];
    parts.push(
      p.ringsInPlace.includes('integration')
        ? t('collab.explain.ringsBoth')
        : p.ringsInPlace.includes('orientation')
          ? t('collab.explain.ringsOrientation')
          : t('collab.explain.ringsNone'),
    );
    if (p.notYetInPlace.length) {
      const list = p.notYetInPlace
        .map((id) => `${topicName(id)} (${t(`collab.domains.${topicById(id)?.domain ?? 'resources'}`)})`)
        .join(', ');
      parts.push(t('collab.explain.notYet', { list }));
    }
    if (p.gaps.length) parts.push(t('collab.explain.gaps', { list: p.gaps.map(topicName).join(', ') }));
    parts.push(t('collab.explain.basedOn', { n: p.round }));
    return parts.join(' ');
  };

  return { t, lang, topicName, orgName, rating, date, explanation };
}
