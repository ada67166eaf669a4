// The integration tier: repositories and SQL-heavy rules on a real PostgreSQL, without Redis, HTTP or
// the Nest container. The e2e global setup provisions the cluster and the migrated template; each
// spec file takes its own copy of the template, so files run in parallel without sharing rows.
import { dataSourceOptions } from '@tandem/database';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { createTestDatabase } from './stack';

export async function openTestDataSource(): Promise<DataSource> {
  const url = await createTestDatabase();
  const ds = new DataSource({ ...dataSourceOptions({ DATABASE_URL: url, DB_POOL_SIZE: 4 }), logging: false });
  return ds.initialize();
}

/** Everything `write` writes into a PassThrough, once it resolves. */
export async function collect(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await write(out);
  return Buffer.concat(chunks);
}

/** Minimal rows for the specs, written as SQL so a spec states exactly what exists. */
export class Rows {
  constructor(private readonly em: EntityManager) {}

  async organization(name: string, kind = 'civil_society'): Promise<string> {
    const id = randomUUID();
    await this.em.query(
      `INSERT INTO organizations (id, kind, name, country, city, contact_email) VALUES ($1, $2, $3, 'PT', 'Lisbon', $4)`,
      [id, kind, name, `${id.slice(0, 8)}@example.test`],
    );
    return id;
  }

  async user(name: string): Promise<string> {
    const id = randomUUID();
    await this.em.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, 'x')`, [
      id,
      `${id.slice(0, 8)}@example.test`,
      name,
    ]);
    return id;
  }

  async programme(title: string, leadOrganizationId: string): Promise<string> {
    const id = randomUUID();
    await this.em.query(
      `INSERT INTO programmes (id, title, lead_organization_id, start_date, end_date, country, status)
       VALUES ($1, $2, $3, '2026-01-01', '2027-12-31', 'PT', 'active')`,
      [id, title, leadOrganizationId],
    );
    await this.partner(id, leadOrganizationId, 'lead');
    return id;
  }

  async partner(
    programmeId: string,
    organizationId: string,
    role = 'implementer',
    status = 'active',
  ): Promise<void> {
    await this.em.query(
      `INSERT INTO programme_partners (programme_id, organization_id, role, status) VALUES ($1, $2, $3, $4)`,
      [programmeId, organizationId, role, status],
    );
  }

  async task(programmeId: string, assigneeOrganizationId: string, title: string): Promise<string> {
    const id = randomUUID();
    await this.em.query(
      `INSERT INTO tasks (id, programme_id, assignee_organization_id, title) VALUES ($1, $2, $3, $4)`,
      [id, programmeId, assigneeOrganizationId, title],
    );
    return id;
  }
}
