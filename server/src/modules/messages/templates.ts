import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { speech, type Speech } from '../../shared/i18n';
import type { MessageKind } from './message.entity';

export interface AppointmentFacts {
  appointmentId: number;
  patientName: string;
  doctorName: string;
  departmentName: string;
  startsAt: Date;
  endsAt: Date;
}

export interface TemplateInput {
  kind: MessageKind;
  hospitalName: string;
  publicUrl: string;
  timezone: string;
  appointment?: AppointmentFacts;
  /** Reset or invitation link. */
  link?: string;
  recipientName?: string;
  /** A waitlist offer: until when the slot is held. */
  offer?: { expiresAt: Date };
  /** The recipient's language (user.language); English when unset or unknown. */
  language?: string | null;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
  /** The SMS body (reminders only go by SMS). */
  sms: string;
  ics?: string;
}

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

function when(at: Date, timezone: string, words: Speech): string {
  if (words.lang !== 'en') return new Intl.DateTimeFormat(words.lang, { dateStyle: 'full', timeStyle: 'short', timeZone: timezone }).format(at);
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

function until(at: Date, timezone: string, words: Speech): string {
  if (words.lang !== 'en') return new Intl.DateTimeFormat(words.lang, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: timezone }).format(at);
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat("HH:mm 'on' d LLLL");
}

/** The calendar file of a booked or moved visit (METHOD:REQUEST) or a cancelled one (METHOD:CANCEL), same UID. */
export function appointmentIcs(input: TemplateInput, cancelled = false): string {
  const a = input.appointment!;
  const { t } = speech(input.language);
  const calendar = ical({ name: input.hospitalName, prodId: { company: input.hospitalName, product: 'HMS' }, method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: `appointment-${a.appointmentId}@${new URL(input.publicUrl).hostname}`,
    start: a.startsAt,
    end: a.endsAt,
    summary: t('{{hospital}}: appointment with {{doctor}}', { hospital: input.hospitalName, doctor: a.doctorName }),
    location: `${input.hospitalName}, ${a.departmentName}`,
    description: t('Your appointment with {{doctor}} ({{department}}). Manage it at {{link}}', { doctor: a.doctorName, department: a.departmentName, link: appointmentLink(input) }),
    url: appointmentLink(input),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: new Date(),
  });
  return calendar.toString();
}

function appointmentLink(input: TemplateInput, action?: 'reschedule' | 'cancel'): string {
  const id = input.appointment?.appointmentId;
  return `${input.publicUrl}/patient/appointments?appointment=${id}${action ? `&action=${action}` : ''}`;
}

/** Subject, text and HTML bodies (and the SMS text) of one message; no clinical content ever. */
export function render(input: TemplateInput): Rendered {
  const a = input.appointment;
  const h = input.hospitalName;
  const words = speech(input.language);
  const { t } = words;
  const lines: string[] = [];
  let subject: string;
  let sms = '';
  const links: Array<[string, string]> = [];
  const at = a ? when(a.startsAt, input.timezone, words) : '';
  // The facts every appointment text may name.
  const v = a ? { hospital: h, at, patient: a.patientName, doctor: a.doctorName, department: a.departmentName } : { hospital: h, at };
  const dear = (name: string) => t('Dear {{name}},', { name });
  switch (input.kind) {
    case 'BOOKING_CONFIRMATION':
      subject = t('{{hospital}}: your appointment on {{at}}', v);
      lines.push(dear(a!.patientName), t('your appointment with {{doctor}} ({{department}}) is booked for {{at}}.', v), t('The attached calendar file adds it to your calendar.'));
      links.push([t('View it'), appointmentLink(input)], [t('Move it'), appointmentLink(input, 'reschedule')], [t('Cancel it'), appointmentLink(input, 'cancel')]);
      break;
    case 'RESCHEDULE_NOTICE':
      subject = t('{{hospital}}: your appointment moved to {{at}}', v);
      lines.push(dear(a!.patientName), t('your appointment with {{doctor}} ({{department}}) is now on {{at}}.', v));
      links.push([t('View it'), appointmentLink(input)], [t('Move it'), appointmentLink(input, 'reschedule')], [t('Cancel it'), appointmentLink(input, 'cancel')]);
      break;
    case 'CANCEL_NOTICE':
      subject = t('{{hospital}}: your appointment on {{at}} is cancelled', v);
      lines.push(dear(a!.patientName), t('your appointment with {{doctor}} ({{department}}) on {{at}} is cancelled.', v));
      links.push([t('Book another'), `${input.publicUrl}/patient/book`]);
      break;
    case 'REMINDER':
      subject = t('{{hospital}}: reminder of your appointment on {{at}}', v);
      lines.push(dear(a!.patientName), t('a reminder: your appointment with {{doctor}} ({{department}}) is on {{at}}.', v));
      links.push([t('Move it'), appointmentLink(input, 'reschedule')], [t('Cancel it'), appointmentLink(input, 'cancel')]);
      sms = t('{{hospital}}: reminder, appointment with {{doctor}} on {{at}}. Manage: {{link}}', { ...v, link: appointmentLink(input) });
      break;
    case 'DOCTOR_BOOKING_NOTICE':
      subject = t('{{hospital}}: new booking on {{at}}', v);
      lines.push(dear(a!.doctorName), t('{{patient}} booked an appointment with you on {{at}}.', v));
      links.push([t('Open your day'), `${input.publicUrl}/doctor/day?date=${DateTime.fromJSDate(a!.startsAt, { zone: input.timezone }).toISODate()}`]);
      break;
    case 'WAITLIST_OFFER': {
      const held = until(input.offer!.expiresAt, input.timezone, words);
      const page = `${input.publicUrl}/patient/waitlist`;
      subject = t('{{hospital}}: a slot on {{at}} is held for you', v);
      lines.push(dear(a!.patientName), t('a slot with {{doctor}} ({{department}}) on {{at}} has come free and is held for you until {{until}}.', { ...v, until: held }),
        t('Accept it on your waitlist page before then; after that it goes to the next person waiting.'));
      links.push([t('Accept or decline it'), page]);
      sms = t('{{hospital}}: a slot with {{doctor}} on {{at}} is held for you until {{until}}. Accept: {{link}}', { ...v, until: held, link: page });
      break;
    }
    case 'PASSWORD_RESET':
      subject = t('{{hospital}}: choose a new password', v);
      lines.push(dear(input.recipientName ?? t('user')), t('someone (hopefully you) asked to reset the password of your account. The link works once, for 30 minutes.'),
        t('If it was not you, ignore this e-mail: your password stays as it is.'));
      links.push([t('Choose a new password'), input.link!]);
      break;
    case 'DOCTOR_INVITATION':
      subject = t('{{hospital}}: your account is ready', v);
      lines.push(dear(input.recipientName ?? t('doctor')), t('an account was created for you at {{hospital}}. Choose your password with the link below (valid 72 hours, once).', v));
      links.push([t('Choose your password'), input.link!]);
      break;
  }
  const text = [...lines, '', ...links.map(([label, url]) => `${label}: ${url}`), '', `— ${h}`].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif">` +
    lines.map((line) => `<p>${escape(line)}</p>`).join('') +
    `<p>${links.map(([label, url]) => `<a href="${escape(url)}">${escape(label)}</a>`).join(' &middot; ')}</p>` +
    `<p style="color:#666">${escape(h)}</p></body></html>`;
  const ics = a && (input.kind === 'BOOKING_CONFIRMATION' || input.kind === 'RESCHEDULE_NOTICE' || input.kind === 'CANCEL_NOTICE')
    ? appointmentIcs(input, input.kind === 'CANCEL_NOTICE') : undefined;
  return { subject: subject!, text, html, sms: sms || `${subject!}. ${links[0]?.[1] ?? ''}`.trim(), ics };
}
