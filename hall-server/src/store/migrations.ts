/** Versioned schema; `PRAGMA user_version` records how many have run. Append only. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE departments (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE categories (id TEXT PRIMARY KEY, prefix TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
  CREATE TABLE service_items (id TEXT PRIMARY KEY, category_id TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE windows (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    data TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'closed',
    pause_reason TEXT,
    clerk_id TEXT,
    current_ticket_id TEXT
  );
  CREATE TABLE clerks (
    id TEXT PRIMARY KEY,
    staff_no TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    password_hash TEXT NOT NULL
  );
  CREATE TABLE terminals (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    window_id TEXT,
    token_hash TEXT NOT NULL UNIQUE
  );
  CREATE TABLE green_cards (
    id_hash TEXT PRIMARY KEY,
    card_no TEXT NOT NULL UNIQUE,
    name_masked TEXT NOT NULL
  );
  CREATE TABLE clerk_sessions (
    token_hash TEXT PRIMARY KEY,
    clerk_id TEXT NOT NULL,
    window_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    business_day TEXT NOT NULL,
    number TEXT NOT NULL,
    issue_category_id TEXT NOT NULL,
    category_id TEXT NOT NULL,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    rank_at INTEGER NOT NULL,
    window_id TEXT,
    target_window_id TEXT,
    called_at INTEGER,
    started_at INTEGER,
    finished_at INTEGER,
    recall_count INTEGER NOT NULL,
    requeue_count INTEGER NOT NULL,
    transfer_count INTEGER NOT NULL,
    holder_name_masked TEXT,
    holder_id_masked TEXT,
    id_hash TEXT,
    status_token TEXT NOT NULL UNIQUE,
    terminal_id TEXT,
    idempotency_key TEXT,
    UNIQUE (business_day, number),
    UNIQUE (terminal_id, idempotency_key)
  );
  CREATE INDEX tickets_open ON tickets (business_day, status);
  CREATE INDEX tickets_id_hash ON tickets (business_day, id_hash, issue_category_id);
  CREATE TABLE day_counters (
    business_day TEXT NOT NULL,
    category_id TEXT NOT NULL,
    last_number INTEGER NOT NULL,
    PRIMARY KEY (business_day, category_id)
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    name TEXT NOT NULL,
    payload TEXT NOT NULL
  );
  `,
  // 2: kiosks — reprints, terminal enrolment, device reports, appointments.
  `
  ALTER TABLE tickets ADD COLUMN reprint_count INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    terminal_id TEXT NOT NULL REFERENCES terminals (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE device_reports (
    id INTEGER PRIMARY KEY,
    terminal_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    reason TEXT
  );
  CREATE INDEX device_reports_terminal ON device_reports (terminal_id, kind, id);
  CREATE TABLE appointments (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    category_id TEXT NOT NULL,
    day TEXT NOT NULL,
    slot_start TEXT NOT NULL,
    slot_end TEXT NOT NULL,
    status TEXT NOT NULL,
    id_hash TEXT,
    id_masked TEXT,
    name_masked TEXT,
    phone_enc TEXT,
    phone_masked TEXT,
    source TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    ticket_id TEXT,
    check_in_key TEXT
  );
  CREATE INDEX appointments_slot ON appointments (category_id, day, slot_start, status);
  CREATE INDEX appointments_holder ON appointments (id_hash, day);
  `,
  // 3: at the window — transfer notes, displays' own settings, a window's finished tickets of the day.
  `
  ALTER TABLE tickets ADD COLUMN transfer_note TEXT;
  ALTER TABLE tickets ADD COLUMN transfer_from_window_id TEXT;
  ALTER TABLE terminals ADD COLUMN settings TEXT;
  CREATE INDEX tickets_window_day ON tickets (business_day, window_id, status);
  `,
];
