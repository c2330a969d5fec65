import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (docs/security.md): people sign in with a password and get a session cookie;
 * machines keep API tokens. Passwords are stored as Argon2id hashes, session ids and CSRF
 * tokens only as SHA-256 digests. `audit_events` records sign-ins, account and token changes
 * and settings changes — never passwords, tokens or shop data.
 */
export class Accounts1764300000000 implements MigrationInterface {
  name = 'Accounts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        shop_id               smallint NOT NULL DEFAULT 1,
        email                 text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        roles                 text[] NOT NULL CHECK (roles <@ ARRAY['owner', 'buyer', 'manager', 'admin']::text[] AND cardinality(roles) > 0),
        password_hash         text NOT NULL,
        must_change_password  boolean NOT NULL DEFAULT false,
        is_demo               boolean NOT NULL DEFAULT false,
        created_at            timestamptz NOT NULL DEFAULT now(),
        last_login_at         timestamptz,
        disabled_at           timestamptz,
        UNIQUE (shop_id, email)
      )`);
    await q.query(`
      CREATE TABLE sessions (
        id_hash       text PRIMARY KEY,
        user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_hash     text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        ip            text,
        user_agent    text
      )`);
    await q.query('CREATE INDEX sessions_user ON sessions (user_id)');
    await q.query(`
      CREATE TABLE audit_events (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        shop_id   smallint NOT NULL DEFAULT 1,
        at        timestamptz NOT NULL DEFAULT now(),
        actor     text NOT NULL,
        action    text NOT NULL,
        target    text,
        ip        text,
        detail    jsonb
      )`);
    await q.query('CREATE INDEX audit_events_at ON audit_events (shop_id, at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_events');
    await q.query('DROP TABLE IF EXISTS sessions');
    await q.query('DROP TABLE IF EXISTS users');
  }
}
