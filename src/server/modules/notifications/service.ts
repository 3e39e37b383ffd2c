import type { FastifyBaseLogger } from 'fastify';
import type { LiveEvent } from '../../../contracts/live.ts';
import type {
  Notification,
  NotificationPreferences,
  UpdateNotificationPreferencesBody,
} from '../../../contracts/notifications.ts';
import { translators } from '../../../domain/i18n/catalogues.ts';
import { addDays } from '../../../domain/notifications/dates.ts';
import { DEFAULT_CHANNEL, notificationLink } from '../../../domain/notifications/kinds.ts';
import {
  actionReminders,
  conversationIsNear,
  localDate,
  roundIsDue,
} from '../../../domain/notifications/reminders.ts';
import { nextRoundDue } from '../../../domain/rhythm/cadence.ts';
import {
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from '../../../domain/vocabulary.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { keyedHash, safeEqual } from '../../http/secrets.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import type { Mailer } from '../../mail.ts';
import type { NewNotification, NotificationsRepository, Recipient } from './repository.ts';

export const EMAIL_JOB = 'notification-email';
export const REMINDERS_JOB = 'reminders';

/** The live events that tell the other partners something, and the notice each becomes. */
const FROM_EVENT: Partial<Record<LiveEvent['kind'], NotificationKind>> = {
  'participant-joined': 'partner-joined',
  submitted: 'partner-submitted',
  revealed: 'round-revealed',
  'agreement-changed': 'agreement-changed',
};

type EmailRow = NonNullable<Awaited<ReturnType<NotificationsRepository['forEmail']>>>;

/**
 * Notices per person (issue 11, point 3): made from what partners do and from the reminder sweep, read in the
 * app, and sent by e-mail where the person wants that and the installation can send mail.
 */
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly deps: {
      queue: JobQueue;
      mailer: Mailer;
      secret: string;
      publicUrl: string;
      log: FastifyBaseLogger;
    },
  ) {
    deps.queue.handle(EMAIL_JOB, (payload) => this.sendEmail(String(payload.notification)));
    deps.queue.handle(REMINDERS_JOB, (_payload, { now }) => this.sweep(now));
  }

  /** Turns a change partners made into notices for the people it concerns (never the one who made it). */
  async fromChange(
    event: { collaborationId: string; kind: LiveEvent['kind']; organisationId: string | null },
    actorUserId: string | null,
    answer: unknown,
  ): Promise<void> {
    if (event.kind === 'action-changed') {
      const action = answer as { id?: unknown; ownerUserId?: unknown; done?: unknown } | null;
      if (typeof action?.id !== 'string' || typeof action.ownerUserId !== 'string' || action.done === true)
        return;
      if (action.ownerUserId === actorUserId) return;
      const recipients = await this.repo.recipients([event.collaborationId]);
      if (!recipients.some((r) => r.userId === action.ownerUserId)) return;
      await this.add([
        {
          userId: action.ownerUserId,
          kind: 'action-assigned',
          collaborationId: event.collaborationId,
          actionId: action.id,
          actorOrganisationId: event.organisationId,
          // One notice per action and owner: editing it again does not assign it again.
          key: `action-assigned:${action.id}:${action.ownerUserId}`,
        },
      ]);
      return;
    }
    const kind = FROM_EVENT[event.kind];
    if (!kind) return;
    const recipients = await this.repo.recipients([event.collaborationId]);
    const concerned = unique(
      recipients.filter(
        (r) =>
          r.userId !== actorUserId &&
          (kind === 'round-revealed' || r.organisationId !== event.organisationId),
      ),
    );
    // A request repeated without changing anything (submitting again, agreeing again or withdrawing an approval
    // never given) is answered 200 too: an organisation's submit is told once per round, and that it changed the
    // agreements not again while the person has not read that it did.
    const round = kind === 'partner-submitted' ? await this.repo.currentRoundId(event.collaborationId) : null;
    const unread =
      kind === 'agreement-changed'
        ? await this.repo.withUnread(
            concerned.map((r) => r.userId),
            { kind, collaborationId: event.collaborationId, actorOrganisationId: event.organisationId },
          )
        : new Set<string>();
    await this.add(
      concerned
        .filter((r) => !unread.has(r.userId))
        .map((r) => ({
          userId: r.userId,
          kind,
          collaborationId: event.collaborationId,
          actorOrganisationId: event.organisationId,
          key: round ? `${kind}:${round}:${event.organisationId}:${r.userId}` : null,
        })),
    );
  }

  /**
   * A partner invitation sent to an address: someone with an account there gets a notice that leads to their
   * dashboard, where they answer it. An address without an account is sent the link itself (when the
   * installation can send e-mail); the link is never stored anywhere but in that e-mail.
   */
  async invited(
    invitation: { email: string; link: string; invitedBy: { userId: string; name: string } } & (
      | { collaborationId: string; collaborationName: string; invitedBy: { organisation: { id: string } } }
      | { programmeId: string; programmeName: string }
    ),
  ): Promise<void> {
    const person = await this.repo.userByEmail(invitation.email);
    const toProgramme = 'programmeId' in invitation;
    if (person) {
      await this.add([
        toProgramme
          ? { userId: person.id, kind: 'invited', collaborationId: null, programmeId: invitation.programmeId }
          : {
              userId: person.id,
              kind: 'invited',
              collaborationId: invitation.collaborationId,
              actorOrganisationId: invitation.invitedBy.organisation.id,
            },
      ]);
      return;
    }
    if (!this.deps.mailer) return;
    // Nobody to ask which language: the inviter's, as the two usually share it.
    const t = translators[await this.repo.locale(invitation.invitedBy.userId)];
    const message = toProgramme
      ? (() => {
          const values = {
            person: invitation.invitedBy.name,
            programme: invitation.programmeName,
            link: invitation.link,
          };
          return {
            subject: t('notifications.mail.programmeInviteSubject', values),
            text: t('notifications.mail.programmeInviteText', values),
          };
        })()
      : await (async () => {
          const values = {
            person: invitation.invitedBy.name,
            org: await this.repo.organisationName(invitation.invitedBy.organisation.id),
            collaboration: invitation.collaborationName,
            link: invitation.link,
          };
          return {
            subject: t('notifications.mail.inviteSubject', values),
            text: t('notifications.mail.inviteText', values),
          };
        })();
    await this.deps.mailer
      .send({ to: invitation.email, ...message })
      .catch((error: unknown) => this.deps.log.warn({ err: error }, 'invitation e-mail not sent'));
  }

  /** The reminder sweep: due and overdue actions, tomorrow's conversations, rounds that are due. */
  async sweep(now: Date): Promise<void> {
    const today = localDate(now);
    const due = await this.repo.openActionsDueBy(addDays(today, 3));
    const reminders = actionReminders(
      due.map((a) => ({ id: a.id, dueDate: a.dueDate, done: false })),
      today,
    );
    const rhythms = await this.repo.rhythms();
    const recipients = await this.repo.recipients([
      ...new Set([...due.map((a) => a.collaborationId), ...rhythms.map((r) => r.id)]),
    ]);
    const rows: NewNotification[] = [];
    for (const reminder of reminders) {
      const action = due.find((a) => a.id === reminder.actionId)!;
      const involved = recipients.filter((r) => r.collaborationId === action.collaborationId);
      // The owner, or else whoever wrote the action down; only while they are still a partner's member.
      const to = [action.ownerUserId, action.createdBy].find(
        (userId) => userId && involved.some((r) => r.userId === userId),
      );
      if (!to) continue;
      rows.push({
        userId: to,
        kind: reminder.kind,
        collaborationId: action.collaborationId,
        actionId: action.id,
        key: `${reminder.kind}:${action.id}:${reminder.occasion}:${to}`,
      });
    }
    for (const r of rhythms) {
      const at = r.next_conversation_at ? new Date(r.next_conversation_at) : null;
      const revealedAt = r.revealed_at ? new Date(r.revealed_at).toISOString() : null;
      const roundDue = nextRoundDue(r.round_cadence, { revealedAt });
      const kinds: [NotificationKind, string][] = [];
      if (conversationIsNear(at, now)) kinds.push(['conversation-tomorrow', at!.toISOString()]);
      if (roundIsDue(roundDue, today)) kinds.push(['round-due', roundDue!]);
      for (const [kind, occasion] of kinds)
        for (const person of unique(recipients.filter((x) => x.collaborationId === r.id)))
          rows.push({
            userId: person.userId,
            kind,
            collaborationId: r.id,
            key: `${kind}:${r.id}:${occasion}:${person.userId}`,
          });
    }
    await this.add(rows);
  }

  private async add(rows: NewNotification[]): Promise<void> {
    if (!rows.length) return;
    const preferences = await this.repo.preferencesOf([...new Set(rows.map((r) => r.userId))]);
    const channel = (userId: string, kind: NotificationKind): NotificationChannel =>
      preferences.find((p) => p.userId === userId && p.kind === kind)?.channel ?? DEFAULT_CHANNEL[kind];
    const added = await this.repo.insert(rows.filter((r) => channel(r.userId, r.kind) !== 'off'));
    if (!this.deps.mailer) return;
    for (const n of added)
      if (channel(n.userId, n.kind) === 'email')
        await this.deps.queue.enqueue(EMAIL_JOB, { notification: n.id }, { key: `email:${n.id}` });
  }

  async list(auth: AuthContext, limit: number): Promise<{ notifications: Notification[]; unread: number }> {
    const [rows, unread] = await Promise.all([
      this.repo.list(auth.userId, limit),
      this.repo.unread(auth.userId),
    ]);
    return {
      unread,
      notifications: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
        collaboration:
          r.collaborationId && r.collaborationName
            ? { id: r.collaborationId, name: r.collaborationName }
            : null,
        programme: r.programmeId && r.programmeName ? { id: r.programmeId, name: r.programmeName } : null,
        actor: r.actorName,
        action:
          r.actionId && r.actionText !== null
            ? { id: r.actionId, text: r.actionText, dueDate: r.actionDueDate }
            : null,
        conversationAt: r.kind === 'conversation-tomorrow' ? (r.conversationAt?.toISOString() ?? null) : null,
        link: notificationLink(r.kind, r.collaborationId),
      })),
    };
  }

  unread(auth: AuthContext): Promise<number> {
    return this.repo.unread(auth.userId);
  }

  async markRead(auth: AuthContext, id: string): Promise<void> {
    if (!(await this.repo.exists(auth.userId, id))) throw notFound('No such notification.');
    await this.repo.markRead(auth.userId, id, new Date());
  }

  async markAllRead(auth: AuthContext): Promise<number> {
    return this.repo.markRead(auth.userId, null, new Date());
  }

  async preferences(auth: AuthContext): Promise<NotificationPreferences> {
    const [chosen, language] = await Promise.all([
      this.repo.preferences(auth.userId),
      this.repo.locale(auth.userId),
    ]);
    return {
      preferences: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        channel: chosen.get(kind) ?? DEFAULT_CHANNEL[kind],
      })),
      language,
      emailAvailable: Boolean(this.deps.mailer),
    };
  }

  async setPreferences(auth: AuthContext, body: UpdateNotificationPreferencesBody) {
    const kinds = (body.preferences ?? []).map((p) => p.kind);
    if (new Set(kinds).size !== kinds.length)
      throw badRequest('invalid_input', 'Each kind may be named once.', [
        { field: 'preferences', message: 'a kind is named twice' },
      ]);
    await this.repo.setPreferences(auth.userId, body.preferences ?? []);
    if (body.language) await this.repo.setLocale(auth.userId, body.language);
    return this.preferences(auth);
  }

  /** Everything held about the person here, for their data export: every notice, and their choices. */
  async personalData(auth: AuthContext) {
    const [{ language, preferences }, rows] = await Promise.all([
      this.preferences(auth),
      this.repo.allOf(auth.userId),
    ]);
    return {
      language,
      preferences,
      notifications: rows.map((r) => ({
        createdAt: r.createdAt.toISOString(),
        kind: r.kind,
        readAt: r.readAt?.toISOString() ?? null,
        collaborationId: r.collaborationId,
      })),
    };
  }

  private signature(userId: string, kind: NotificationKind): string {
    return keyedHash(this.deps.secret, `unsubscribe:${userId}:${kind}`).slice(0, 32);
  }

  /** The e-mail's "stop these e-mails" link: that kind goes on in the app only. */
  async unsubscribe(body: { user: string; kind: NotificationKind; signature: string }): Promise<void> {
    if (
      !safeEqual(body.signature, this.signature(body.user, body.kind)) ||
      !(await this.repo.userExists(body.user))
    )
      throw badRequest('invalid_link', 'This link is not valid.', [
        { field: 'signature', message: 'not a valid link' },
      ]);
    const chosen = await this.repo.preferences(body.user);
    if ((chosen.get(body.kind) ?? DEFAULT_CHANNEL[body.kind]) === 'email')
      await this.repo.setPreferences(body.user, [{ kind: body.kind, channel: 'in-app' }]);
  }

  /** Sends one notice's e-mail; throws when the mail server refuses, so the job is tried again later. */
  private async sendEmail(id: string): Promise<void> {
    const row = await this.repo.forEmail(id);
    // Gone, read already in the app, or the person no longer takes part: nothing to send.
    if (!row || row.readAt || !this.deps.mailer) return;
    // An action deleted or done since: its e-mail would speak of nothing, or remind of what is done.
    if (row.kind.startsWith('action-') && (row.actionText === null || row.actionDoneAt)) return;
    const chosen = (await this.repo.preferences(row.userId)).get(row.kind) ?? DEFAULT_CHANNEL[row.kind];
    if (chosen !== 'email') return;
    const message = this.render(row);
    await this.deps.mailer.send(message);
  }

  private render(row: EmailRow) {
    const t = translators[row.locale];
    const values = {
      org: row.actorName ?? t('live.someone'),
      collaboration: row.collaborationName ?? '',
      action: row.actionText ?? '',
      date: row.actionDueDate ?? '',
      when: row.conversationAt
        ? row.conversationAt.toLocaleString(row.locale === 'en' ? 'en-GB' : 'nl-NL', {
            timeZone: 'Europe/Amsterdam',
            dateStyle: 'full',
            timeStyle: 'short',
          })
        : '',
    };
    const toProgramme = row.kind === 'invited' && row.programmeName !== null;
    const sentence = toProgramme
      ? t('notifications.programmeInvited', { programme: row.programmeName ?? '' })
      : t(`notifications.kinds.${row.kind}`, values);
    const link = `${this.deps.publicUrl}${notificationLink(row.kind, row.collaborationId)}`;
    const params = new URLSearchParams({
      user: row.userId,
      kind: row.kind,
      s: this.signature(row.userId, row.kind),
    });
    const unsubscribe = `${this.deps.publicUrl}/unsubscribe?${params}`;
    const kindName = t(`notifications.kindNames.${row.kind}`);
    const text = [
      t('notifications.mail.greeting', { name: row.name }),
      '',
      sentence,
      '',
      t('notifications.mail.open'),
      link,
      '',
      '—',
      t('notifications.mail.why', { kind: kindName }),
      t('notifications.mail.stop'),
      unsubscribe,
      t('notifications.mail.settings', { url: `${this.deps.publicUrl}/account` }),
    ].join('\n');
    const html = `<!doctype html><html lang="${row.locale}"><body style="font-family:Arial,sans-serif;line-height:1.5">
<p>${escapeHtml(t('notifications.mail.greeting', { name: row.name }))}</p>
<p>${escapeHtml(sentence)}</p>
<p><a href="${escapeHtml(link)}">${escapeHtml(t('notifications.mail.open'))}</a></p>
<hr><p style="color:#555;font-size:0.9em">${escapeHtml(t('notifications.mail.why', { kind: kindName }))}
<a href="${escapeHtml(unsubscribe)}">${escapeHtml(t('notifications.mail.stop'))}</a></p>
</body></html>`;
    return {
      to: row.email,
      subject: toProgramme
        ? t('notifications.programmeInvitedSubject', { programme: row.programmeName ?? '' })
        : t(`notifications.subjects.${row.kind}`, values),
      text,
      html,
      headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
    };
  }
}

const unique = (recipients: Recipient[]) => [...new Map(recipients.map((r) => [r.userId, r])).values()];

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
