// The web client imports value lists from here rather than from a schema module, which would carry all of
// zod (about 25 KB gzip) into pages that need none of it. The lists themselves live in src/domain.
export {
  AMBITIONS,
  EMPLOYEE_BANDS,
  IMPACT_LEVELS,
  IMPACT_ORIENTATIONS,
  MEMBER_ROLES,
  ORGANISATION_TYPES,
  PASSWORD_MIN,
  PLATFORM_ROLES,
  STAGE_IDS as STAGES,
} from '../domain/vocabulary.ts';

/** The cookie that tells the server which language to send the static landing page in (nl unless "en"). */
export const LANGUAGE_COOKIE = 'iw_lang';
