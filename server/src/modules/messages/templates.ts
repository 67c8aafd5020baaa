import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
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

function when(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

/** The calendar file of a booked or moved visit (METHOD:REQUEST) or a cancelled one (METHOD:CANCEL), same UID. */
export function appointmentIcs(input: TemplateInput, cancelled = false): string {
  const a = input.appointment!;
  const calendar = ical({ name: input.hospitalName, prodId: { company: input.hospitalName, product: 'HMS' }, method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST });
  calendar.createEvent({
    id: `appointment-${a.appointmentId}@${new URL(input.publicUrl).hostname}`,
    start: a.startsAt,
    end: a.endsAt,
    summary: `${input.hospitalName}: appointment with ${a.doctorName}`,
    location: `${input.hospitalName}, ${a.departmentName}`,
    description: `Your appointment with ${a.doctorName} (${a.departmentName}). Manage it at ${appointmentLink(input)}`,
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
  const lines: string[] = [];
  let subject: string;
  let sms = '';
  const links: Array<[string, string]> = [];
  const at = a ? when(a.startsAt, input.timezone) : '';
  switch (input.kind) {
    case 'BOOKING_CONFIRMATION':
      subject = `${h}: your appointment on ${at}`;
      lines.push(`Dear ${a!.patientName},`, `your appointment with ${a!.doctorName} (${a!.departmentName}) is booked for ${at}.`, 'The attached calendar file adds it to your calendar.');
      links.push(['View it', appointmentLink(input)], ['Move it', appointmentLink(input, 'reschedule')], ['Cancel it', appointmentLink(input, 'cancel')]);
      break;
    case 'RESCHEDULE_NOTICE':
      subject = `${h}: your appointment moved to ${at}`;
      lines.push(`Dear ${a!.patientName},`, `your appointment with ${a!.doctorName} (${a!.departmentName}) is now on ${at}.`);
      links.push(['View it', appointmentLink(input)], ['Move it', appointmentLink(input, 'reschedule')], ['Cancel it', appointmentLink(input, 'cancel')]);
      break;
    case 'CANCEL_NOTICE':
      subject = `${h}: your appointment on ${at} is cancelled`;
      lines.push(`Dear ${a!.patientName},`, `your appointment with ${a!.doctorName} (${a!.departmentName}) on ${at} is cancelled.`);
      links.push(['Book another', `${input.publicUrl}/patient/book`]);
      break;
    case 'REMINDER':
      subject = `${h}: reminder of your appointment on ${at}`;
      lines.push(`Dear ${a!.patientName},`, `a reminder: your appointment with ${a!.doctorName} (${a!.departmentName}) is on ${at}.`);
      links.push(['Move it', appointmentLink(input, 'reschedule')], ['Cancel it', appointmentLink(input, 'cancel')]);
      sms = `${h}: reminder, appointment with ${a!.doctorName} on ${at}. Manage: ${appointmentLink(input)}`;
      break;
    case 'DOCTOR_BOOKING_NOTICE':
      subject = `${h}: new booking on ${at}`;
      lines.push(`Dear ${a!.doctorName},`, `${a!.patientName} booked an appointment with you on ${at}.`);
      links.push(['Open your day', `${input.publicUrl}/doctor/day?date=${DateTime.fromJSDate(a!.startsAt, { zone: input.timezone }).toISODate()}`]);
      break;
    case 'WAITLIST_OFFER': {
      const until = DateTime.fromJSDate(input.offer!.expiresAt, { zone: input.timezone }).toFormat("HH:mm 'on' d LLLL");
      const page = `${input.publicUrl}/patient/waitlist`;
      subject = `${h}: a slot on ${at} is held for you`;
      lines.push(`Dear ${a!.patientName},`, `a slot with ${a!.doctorName} (${a!.departmentName}) on ${at} has come free and is held for you until ${until}.`,
        'Accept it on your waitlist page before then; after that it goes to the next person waiting.');
      links.push(['Accept or decline it', page]);
      sms = `${h}: a slot with ${a!.doctorName} on ${at} is held for you until ${until}. Accept: ${page}`;
      break;
    }
    case 'PASSWORD_RESET':
      subject = `${h}: choose a new password`;
      lines.push(`Dear ${input.recipientName ?? 'user'},`, 'someone (hopefully you) asked to reset the password of your account. The link works once, for 30 minutes.',
        'If it was not you, ignore this e-mail: your password stays as it is.');
      links.push(['Choose a new password', input.link!]);
      break;
    case 'DOCTOR_INVITATION':
      subject = `${h}: your account is ready`;
      lines.push(`Dear ${input.recipientName ?? 'doctor'},`, `an account was created for you at ${h}. Choose your password with the link below (valid 72 hours, once).`);
      links.push(['Choose your password', input.link!]);
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
