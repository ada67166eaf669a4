// The benchmark's scale generator: `npm run seed -- --scale national|small` (DATABASE_URL, a migrated,
// empty database). Deterministic: every id is md5 of a label and every value a function of the row
// number, so two runs produce the same rows. Set-based: one INSERT … SELECT FROM generate_series per
// table, so a national portfolio (200 programmes, 100,000 tasks, a partner organisation holding
// 14,003 open tasks, an organisation of 10,000 members, 1,000,000 placements) loads in 1.5–4 minutes
// on the shared 2-core VM.
// Everyone signs in with the demo city's password (apps/cli/src/seed.ts, DEMO_PASSWORD).
import '../lib/use-node24.mjs';
import argon2 from 'argon2';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const DEMO_PASSWORD = 'Tandem-demo-2026!';

export const SCALES = {
  national: {
    programmes: 200,
    tasks: 100_000,
    partnerOpenTasks: 14_003,
    members: 10_000,
    placements: 1_000_000,
    importRows: 50_000,
  },
  small: {
    programmes: 20,
    tasks: 5_000,
    partnerOpenTasks: 703,
    members: 500,
    placements: 20_000,
    importRows: 2_000,
  },
};

/** Fixed ids: md5 of a label, as a uuid (the same label gives the same id in every run). */
export const idOf = (label) => {
  const h = createHash('md5').update(label).digest('hex');
  // Version 4 and the RFC variant, so the api's uuid validation takes them (as pg_temp.bid in SQL).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
};

export const ORG = {
  lead: idOf('org:lead'),
  partner: idOf('org:partner'),
  association: idOf('org:association'),
  employer: idOf('org:employer'),
};
export const USERS = {
  manager: { id: idOf('user:manager'), email: 'manager@bench.test' },
  partnerStaff: { id: idOf('user:partner-staff'), email: 'staff@partner.bench.test' },
  employerHr: { id: idOf('user:employer-hr'), email: 'hr@employer.bench.test' },
};
export const OTHER_ORGS = 20;
/** The programme whose dashboard is measured: the first, with the most tasks of the partner. */
export const programmeId = (n) => idOf(`programme:${n}`);

/** Loads the scale into the database behind `db` (a connected pg.Client). Returns what it wrote. */
export async function seedScale(db, name) {
  const s = SCALES[name];
  if (!s) throw new Error(`unknown scale "${name}": ${Object.keys(SCALES).join(', ')}`);
  const started = Date.now();
  const hash = await argon2.hash(DEMO_PASSWORD);
  await db.query('BEGIN');
  await db.query(
    `CREATE FUNCTION pg_temp.bid(label text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
     $$ SELECT overlay(overlay(md5(label) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`,
  );
  // Organisations: the lead ministry, the partner with the open tasks, the large association, the employer.
  await db.query(
    `INSERT INTO organizations (id, kind, name, country, city, contact_email)
     VALUES ($1, 'government', 'Bench Ministry of Integration', 'PT', 'Lisbon', 'integration@ministry.bench.test'),
            ($2, 'civil_society', 'Bench Partner Network', 'PT', 'Riverton', 'hello@partner.bench.test'),
            ($3, 'migrant_association', 'Bench Newcomers Association', 'PT', 'Riverton', 'hello@association.bench.test'),
            ($4, 'employer', 'Bench Foods', 'PT', 'Riverton', 'hr@employer.bench.test')`,
    [ORG.lead, ORG.partner, ORG.association, ORG.employer],
  );
  await db.query(
    `INSERT INTO organizations (id, kind, name, country, city, contact_email)
     SELECT pg_temp.bid('org:other:' || g), 'civil_society', 'Bench Service Provider ' || g, 'PT', 'Riverton',
            'hello@provider' || g || '.bench.test'
       FROM generate_series(1, ${OTHER_ORGS}) g`,
  );
  await db.query(
    `INSERT INTO government_profiles (organization_id, level, jurisdiction) VALUES ($1, 'national', 'Portugal')`,
    [ORG.lead],
  );
  await db.query(
    `INSERT INTO civil_society_profiles (organization_id, services)
     SELECT id, ARRAY['language_courses'] FROM organizations WHERE kind = 'civil_society'`,
  );
  await db.query(
    `INSERT INTO migrant_association_profiles (organization_id, communities, languages) VALUES ($1, ARRAY['SY'], ARRAY['ar'])`,
    [ORG.association],
  );
  await db.query(
    `INSERT INTO employer_profiles (organization_id, sector, size_band) VALUES ($1, 'I', 'large')`,
    [ORG.employer],
  );
  // People: three named roles and the association's members (pseudonymous bench addresses).
  await db.query(
    `INSERT INTO users (id, email, name, password_hash) VALUES
       ($1, $2, 'Bench Manager', $7), ($3, $4, 'Bench Partner Staff', $7), ($5, $6, 'Bench HR', $7)`,
    [
      USERS.manager.id,
      USERS.manager.email,
      USERS.partnerStaff.id,
      USERS.partnerStaff.email,
      USERS.employerHr.id,
      USERS.employerHr.email,
      hash,
    ],
  );
  await db.query(
    `INSERT INTO memberships (user_id, organization_id, role) VALUES
       ($1, $4, 'org_admin'), ($2, $5, 'member'), ($3, $6, 'org_admin')`,
    [USERS.manager.id, USERS.partnerStaff.id, USERS.employerHr.id, ORG.lead, ORG.partner, ORG.employer],
  );
  await db.query(
    `INSERT INTO users (id, email, name, password_hash)
     SELECT pg_temp.bid('user:member:' || g), 'member' || g || '@association.bench.test', 'Member ' || g, $1
       FROM generate_series(1, $2::int) g`,
    [hash, s.members],
  );
  await db.query(
    `INSERT INTO memberships (user_id, organization_id, role)
     SELECT pg_temp.bid('user:member:' || g), $1, CASE WHEN g = 1 THEN 'org_admin' ELSE 'member' END
       FROM generate_series(1, $2::int) g`,
    [ORG.association, s.members],
  );
  // Programmes led by the ministry, each with the partner, the association and one provider.
  await db.query(
    `INSERT INTO programmes (id, title, summary, lead_organization_id, status, start_date, end_date, country, city,
                             target_groups, dimensions, created_by_user_id)
     SELECT pg_temp.bid('programme:' || g), 'Bench programme ' || g, 'A programme of the benchmark portfolio', $1,
            'active', date '2025-01-01', date '2028-12-31', 'PT', 'Riverton', ARRAY['refugees'],
            ARRAY['labour_market'], $2
       FROM generate_series(1, $3::int) g`,
    [ORG.lead, USERS.manager.id, s.programmes],
  );
  await db.query(
    `INSERT INTO programme_partners (programme_id, organization_id, role, status)
     SELECT pg_temp.bid('programme:' || g), o.id, o.role, 'active'
       FROM generate_series(1, $1::int) g
      CROSS JOIN LATERAL (VALUES ($2::uuid, 'lead'), ($3::uuid, 'implementer'), ($4::uuid, 'service_provider'),
                                 (pg_temp.bid('org:other:' || (1 + g % ${OTHER_ORGS})), 'implementer')) o(id, role)`,
    [s.programmes, ORG.lead, ORG.partner, ORG.association],
  );
  await db.query(
    `INSERT INTO programme_managers (programme_id, user_id)
     SELECT pg_temp.bid('programme:' || g), $1 FROM generate_series(1, $2::int) g`,
    [USERS.manager.id, s.programmes],
  );
  // Tasks: the partner's open ones first (spread over every programme, mixed due dates and
  // priorities, some undated), then as many closed ones of the partner, the rest with the providers.
  await db.query(
    `INSERT INTO tasks (id, programme_id, title, assignee_organization_id, priority, due_date, state, blocked_reason,
                        completed_at, created_by_user_id, created_at)
     SELECT pg_temp.bid('task:' || g),
            pg_temp.bid('programme:' || (1 + g % $1)),
            'Bench task ' || g,
            CASE WHEN g <= 2 * $2 THEN $3::uuid ELSE pg_temp.bid('org:other:' || (1 + g % ${OTHER_ORGS})) END,
            (ARRAY['low','normal','high','urgent'])[1 + g % 4],
            CASE WHEN g % 7 = 0 THEN NULL ELSE date '2026-06-01' + (g % 540) END,
            st.state,
            CASE WHEN st.state = 'blocked' THEN 'Waiting for a partner' END,
            CASE WHEN st.state = 'done' THEN timestamptz '2026-01-01' + g * interval '1 minute' END,
            $4::uuid,
            timestamptz '2025-01-01' + g * interval '1 minute'
       FROM generate_series(1, $5::int) g
      CROSS JOIN LATERAL (SELECT CASE
               WHEN g <= $2 THEN (ARRAY['todo','in_progress','blocked'])[1 + g % 3]
               WHEN g <= 2 * $2 THEN 'done'
               ELSE (ARRAY['todo','in_progress','done','done','cancelled'])[1 + g % 5] END AS state) st`,
    [s.programmes, s.partnerOpenTasks, ORG.partner, USERS.manager.id, s.tasks],
  );
  // Their reminder dates (the task reminder sweep's columns), as migration 1797100000000 backfills an
  // existing database: the reminders still to come are pending, those whose time has passed count as sent.
  await db.query(
    `UPDATE tasks SET
       overdue_at = (due_date + 1)::timestamp AT TIME ZONE 'UTC',
       overdue_sent_at = CASE WHEN (due_date + 1)::timestamp AT TIME ZONE 'UTC' <= now() THEN now() END,
       due_soon_at = CASE WHEN (due_date + 1)::timestamp AT TIME ZONE 'UTC' > now()
                          THEN (due_date + 1)::timestamp AT TIME ZONE 'UTC' - interval '24 hours' END,
       due_soon_sent_at = CASE WHEN (due_date + 1)::timestamp AT TIME ZONE 'UTC' - interval '24 hours' <= now()
                                AND (due_date + 1)::timestamp AT TIME ZONE 'UTC' > now() THEN now() END
     WHERE due_date IS NOT NULL AND state IN ('todo', 'in_progress', 'blocked')`,
  );
  // Participants and placements of the employer (half of them in a programme).
  await db.query(
    `INSERT INTO participants (id, reference_code, registered_by_organization_id, year_of_birth, gender, country_of_origin,
                               arrival_year, status_category)
     SELECT pg_temp.bid('participant:' || g), 'B' || lpad(g::text, 10, '0'), $1, 1970 + g % 35,
            (ARRAY['female','male','other'])[1 + g % 3], (ARRAY['SY','AF','UA','ER','VE','SO','IQ'])[1 + g % 7],
            2015 + g % 10, (ARRAY['refugee_or_asylum','labour','student','family','other'])[1 + g % 5]
       FROM generate_series(1, $2::int) g`,
    [ORG.employer, s.placements],
  );
  await db.query(
    `INSERT INTO placements (id, participant_id, employer_organization_id, programme_id, job_title, occupation_code, sector,
                             start_date, contract_type, hours_per_week, created_by_user_id)
     SELECT pg_temp.bid('placement:' || g), pg_temp.bid('participant:' || g), $1,
            CASE WHEN g % 2 = 0 THEN pg_temp.bid('programme:' || (1 + g % $3)) END,
            (ARRAY['Kitchen assistant ', '=Cook ', 'Warehouse "operative" ', 'Care, night shift '])[1 + g % 4] || g % 50,
            (9000 + g % 400)::text, (ARRAY['A','C','F','G','I','N','Q'])[1 + g % 7], date '2024-01-01' + (g % 700),
            (ARRAY['permanent','fixed_term','apprenticeship','internship','seasonal'])[1 + g % 5],
            (ARRAY[20, 37.5, 40, 24.25])[1 + g % 4], $4
       FROM generate_series(1, $2::int) g`,
    [ORG.employer, s.placements, s.programmes, USERS.employerHr.id],
  );
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE');
  return { scale: name, ...s, seconds: (Date.now() - started) / 1000 };
}

/** `npm run seed -- --scale <name>`: scripts/cli.mjs hands over here. */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--scale');
  const name = process.argv[i + 1];
  if (i < 0 || !name) {
    console.error(`usage: npm run seed -- --scale <${Object.keys(SCALES).join('|')}>`);
    process.exit(2);
  }
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL is required (a migrated, empty database)');
    process.exit(2);
  }
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    console.log(JSON.stringify(await seedScale(db, name)));
  } finally {
    await db.end();
  }
}
