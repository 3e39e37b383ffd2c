import { useTranslation } from 'react-i18next';
import type { RatingValue, Workspace } from '../../../contracts/collaborations.ts';
import { topicById } from '../../../domain/instrument/wheel.ts';
import { subjectLabel } from '../../../domain/process/subject.ts';
import { explainPlacement } from '../../../domain/wheel/explain.ts';
import { useTranslate } from '../../i18n/index.ts';

export { topicById };

/** Small helpers that turn workspace data into words in the reader's language. */
export function useCollabWords(workspace?: Workspace) {
  const { t } = useTranslation();
  const { lang, translate } = useTranslate();
  const topicName = (id: string) => topicById(id)?.label[lang] ?? id;
  /** What an agreement or action belongs to: its wheel topic or its process deliverable. */
  const subjectName = (item: { topicId: string | null; deliverableId?: string | null }) =>
    subjectLabel(item, lang);
  const orgName = (id: string) => {
    if (id === workspace?.us.organisationId) return t('collab.you');
    const partner = workspace?.participants.find((p) => p.organisationId === id);
    if (partner) return partner.name;
    const former = workspace?.formerParticipants.find((p) => p.organisationId === id);
    if (!former) return '?';
    // An organisation that was erased keeps its shared answers but not its name.
    return former.name ? `${former.name} (${t('collab.formerPartner')})` : t('collab.erasedPartner');
  };
  const rating = (value: RatingValue | undefined) =>
    t(`collab.ratings.${value === null || value === undefined ? 'none' : value}`);
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL');

  /** The placement in plain words; the same sentences as the PDF report (src/domain/wheel/explain.ts). */
  const explanation = (): string =>
    workspace?.placement ? explainPlacement(workspace.placement, lang, translate) : t('collab.stageNone');

  return { t, lang, translate, topicName, subjectName, orgName, rating, date, explanation };
}
