import { Migration } from '@mikro-orm/migrations';

// The dashboard's daily roll-up, kept exact by triggers in the transaction of every change to an
// appointment (whichever code path makes it). The hospital day of an instant is its local date:
// the instant plus the zone's offset at that instant, read from hospital_utc_offset (filled by the
// application for HMS_TIMEZONE; see src/modules/reports/rollup.ts). While that table is empty the
// triggers count nothing and the dashboard reads the appointments themselves. The offset is read
// with a shared lock so a rebuild (which rewrites the offsets) and a change never interleave.
const STATUSES = [['SCHEDULED', 'scheduled'], ['CHECKED_IN', 'checked_in'], ['IN_CONSULTATION', 'in_consultation'], ['COMPLETED', 'completed'], ['CANCELLED', 'cancelled'], ['NO_SHOW', 'no_show']];

const dayOf = (row: 'NEW' | 'OLD', into: string) =>
  `set ${into} = null; select date(${row}.starts_at + interval o.offset_minutes minute) into ${into} from hospital_utc_offset o ` +
  `where o.starts_at <= ${row}.starts_at order by o.starts_at desc limit 1 lock in share mode;`;

const add = (day: string) =>
  `if ${day} is not null then insert into appointment_daily (day, doctor_id, appointments, ${STATUSES.map(([, c]) => c).join(', ')}) ` +
  `values (${day}, NEW.doctor_id, ${VISIT('NEW')}, ${STATUSES.map(([s]) => `NEW.status = '${s}'`).join(', ')}) on duplicate key update appointments = appointments + (${VISIT('NEW')}), ` +
  `${STATUSES.map(([s, c]) => `${c} = ${c} + (NEW.status = '${s}')`).join(', ')}; end if;`;

const remove = (day: string) =>
  `if ${day} is not null then update appointment_daily set appointments = appointments - (${VISIT('OLD')}), ` +
  `${STATUSES.map(([s, c]) => `${c} = ${c} - (OLD.status = '${s}')`).join(', ')} where day = ${day} and doctor_id = OLD.doctor_id; end if;`;

// Waitlist holds (HELD, RELEASED) are not visits: they are not counted.
const VISIT = (row: 'NEW' | 'OLD') => `${row}.status not in ('HELD','RELEASED')`;

const HANDLER = 'declare continue handler for not found begin end;';

export class Migration20261201115855_dashboard_daily_rollup extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`appointment_daily\` (\`day\` date not null, \`doctor_id\` int unsigned not null, \`appointments\` int not null default 0, \`scheduled\` int not null default 0, \`checked_in\` int not null default 0, \`in_consultation\` int not null default 0, \`completed\` int not null default 0, \`cancelled\` int not null default 0, \`no_show\` int not null default 0, primary key (\`day\`, \`doctor_id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`hospital_utc_offset\` (\`starts_at\` datetime(3) not null, \`offset_minutes\` int not null, primary key (\`starts_at\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create table \`report_rollup_state\` (\`id\` tinyint unsigned not null, \`timezone\` varchar(64) not null, \`built_at\` datetime(3) not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`);

    this.addSql(`create trigger \`appointment_daily_insert\` after insert on \`appointment\` for each row begin declare d date; ${HANDLER} ${dayOf('NEW', 'd')} ${add('d')} end`);
    this.addSql(`create trigger \`appointment_daily_update\` after update on \`appointment\` for each row begin declare d_old date; declare d_new date; ${HANDLER} ` +
      'if NEW.starts_at <> OLD.starts_at or NEW.status <> OLD.status or NEW.doctor_id <> OLD.doctor_id then ' +
      `${dayOf('OLD', 'd_old')} ${dayOf('NEW', 'd_new')} ${remove('d_old')} ${add('d_new')} end if; end`);
    this.addSql(`create trigger \`appointment_daily_delete\` after delete on \`appointment\` for each row begin declare d date; ${HANDLER} ${dayOf('OLD', 'd')} ${remove('d')} end`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger if exists `appointment_daily_insert`;');
    this.addSql('drop trigger if exists `appointment_daily_update`;');
    this.addSql('drop trigger if exists `appointment_daily_delete`;');
    this.addSql(`drop table if exists \`appointment_daily\`;`);

    this.addSql(`drop table if exists \`hospital_utc_offset\`;`);

    this.addSql(`drop table if exists \`report_rollup_state\`;`);
  }

}
