import { startStack } from './lib/stack.mjs';
const s = await startStack();
for (const t of [
  'organizations',
  'users',
  'memberships',
  'programmes',
  'programme_partners',
  'programme_managers',
  'notification_preferences',
  'participants',
  'placements',
  'tasks',
  'government_profiles',
  'employer_profiles',
  'civil_society_profiles',
  'migrant_association_profiles',
  'notifications',
  'sessions',
]) {
  const r = await s.db.query(
    `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name=$1 ORDER BY ordinal_position`,
    [t],
  );
  console.log(
    t +
      ': ' +
      r.rows
        .map(
          (c) =>
            `${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' NN' : ''}${c.column_default ? ' =' + c.column_default : ''}`,
        )
        .join(', '),
  );
  const c = await s.db.query(
    `SELECT pg_get_constraintdef(oid) d FROM pg_constraint WHERE conrelid=$1::regclass AND contype IN ('c','u')`,
    [t],
  );
  if (c.rows.length) console.log('   ' + c.rows.map((x) => x.d).join(' | '));
}
await s.stop();
