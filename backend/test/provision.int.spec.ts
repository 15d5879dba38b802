import { randomBytes } from 'node:crypto';

import { provisionRoles } from '@werkpad/db';
import { Client } from 'pg';

describe('database role provisioning', () => {
  it('survives several processes provisioning the cluster-wide login roles at the same moment', async () => {
    const admin = process.env.WERKPAD_TEST_ADMIN_URL as string;
    const database = `wp_prov_${randomBytes(4).toString('hex')}`;
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    const url = new URL(admin);
    url.pathname = `/${database}`;
    const password = process.env.WERKPAD_TEST_APP_PASSWORD as string;
    const medical = process.env.WERKPAD_TEST_MEDICAL_PASSWORD as string;
    try {
      await expect(
        Promise.all(
          Array.from({ length: 8 }, () => provisionRoles(url.toString(), { app: password, medical })),
        ),
      ).resolves.toHaveLength(8);
      const login = new Client({
        connectionString: url.toString().replace(/\/\/[^@]+@/, `//werkpad_app:${password}@`),
      });
      await login.connect();
      try {
        const { rows } = await login.query('SELECT current_user AS who');
        expect(rows[0].who).toBe('werkpad_app');
      } finally {
        await login.end();
      }
    } finally {
      await client.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await client.end();
    }
  });
});
