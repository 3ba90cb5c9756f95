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
  // 3: cases, 一件事 bundles, the dishonesty list.
  `
  CREATE TABLE bundles (id TEXT PRIMARY KEY, data TEXT NOT NULL);
  CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    check_code TEXT NOT NULL,
    status TEXT NOT NULL,
    window_id TEXT NOT NULL,
    clerk_id TEXT NOT NULL,
    department_id TEXT NOT NULL,
    id_hash TEXT NOT NULL,
    open_key TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    data TEXT NOT NULL,
    identity_enc TEXT NOT NULL,
    UNIQUE (window_id, open_key)
  );
  CREATE INDEX cases_status ON cases (status);
  CREATE INDEX cases_id_hash ON cases (id_hash, opened_at);
  CREATE TABLE dishonesty_list (
    id TEXT PRIMARY KEY,
    id_hash TEXT NOT NULL,
    id_masked TEXT NOT NULL,
    name_masked TEXT NOT NULL,
    reason TEXT NOT NULL,
    from_day TEXT NOT NULL,
    until_day TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    lifted_at INTEGER
  );
  CREATE INDEX dishonesty_id_hash ON dishonesty_list (id_hash);
  `,
  // 4: at the window — who served each ticket, 好差评 ratings (no update or delete, by trigger)
  // and their rectification, fingerprint templates (sealed), punches and leave.
  `
  CREATE TABLE served (
    ticket_id TEXT PRIMARY KEY,
    clerk_id TEXT,
    window_id TEXT NOT NULL,
    finished_at INTEGER NOT NULL
  );
  CREATE INDEX served_window ON served (window_id, finished_at);
  CREATE TABLE ratings (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL UNIQUE,
    ticket_number TEXT NOT NULL,
    business_day TEXT NOT NULL,
    level TEXT NOT NULL,
    reason TEXT,
    channel TEXT NOT NULL,
    clerk_id TEXT,
    window_id TEXT,
    category_id TEXT NOT NULL,
    department_id TEXT,
    item_id TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX ratings_day ON ratings (business_day);
  CREATE TRIGGER ratings_no_update BEFORE UPDATE ON ratings
    BEGIN SELECT RAISE(ABORT, 'a rating cannot be altered'); END;
  CREATE TRIGGER ratings_no_delete BEFORE DELETE ON ratings
    BEGIN SELECT RAISE(ABORT, 'a rating cannot be deleted'); END;
  CREATE TABLE rating_contacts (
    rating_id TEXT PRIMARY KEY REFERENCES ratings (id),
    phone_enc TEXT NOT NULL,
    phone_masked TEXT NOT NULL
  );
  CREATE TABLE rating_prompts (
    ticket_id TEXT PRIMARY KEY,
    window_id TEXT NOT NULL,
    expired_at INTEGER NOT NULL
  );
  CREATE TABLE rectifications (
    id TEXT PRIMARY KEY,
    rating_id TEXT NOT NULL UNIQUE REFERENCES ratings (id),
    status TEXT NOT NULL,
    outcome TEXT,
    opened_at INTEGER NOT NULL,
    due_day TEXT NOT NULL,
    escalated_at INTEGER,
    closed_at INTEGER,
    status_before_appeal TEXT,
    appealed INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE rectification_steps (
    id INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES rectifications (id),
    action TEXT NOT NULL,
    by_name TEXT NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL,
    note TEXT NOT NULL
  );
  CREATE INDEX rectification_steps_case ON rectification_steps (case_id, id);
  CREATE TRIGGER rectification_steps_no_update BEFORE UPDATE ON rectification_steps
    BEGIN SELECT RAISE(ABORT, 'a recorded step cannot be altered'); END;
  CREATE TRIGGER rectification_steps_no_delete BEFORE DELETE ON rectification_steps
    BEGIN SELECT RAISE(ABORT, 'a recorded step cannot be deleted'); END;
  CREATE TABLE fingerprints (
    page_id INTEGER PRIMARY KEY,
    clerk_id TEXT NOT NULL,
    finger INTEGER NOT NULL,
    template_enc TEXT NOT NULL,
    enrolled_at INTEGER NOT NULL,
    terminal_id TEXT NOT NULL,
    UNIQUE (clerk_id, finger)
  );
  CREATE TABLE punches (
    id TEXT PRIMARY KEY,
    clerk_id TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    window_id TEXT,
    at INTEGER NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL
  );
  CREATE INDEX punches_day ON punches (day, clerk_id);
  CREATE TABLE leaves (
    clerk_id TEXT NOT NULL,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (clerk_id, day)
  );
  `,
  // 5: at the window — transfer notes, displays' own settings, a window's finished tickets of the day.
  `
  ALTER TABLE tickets ADD COLUMN transfer_note TEXT;
  ALTER TABLE tickets ADD COLUMN transfer_from_window_id TEXT;
  ALTER TABLE terminals ADD COLUMN settings TEXT;
  CREATE INDEX tickets_window_day ON tickets (business_day, window_id, status);
  `,
  // 6: a rating names every item its service was of (a case may be of several); cases found by their ticket.
  `
  CREATE TABLE rating_items (
    rating_id TEXT NOT NULL REFERENCES ratings (id),
    item_id TEXT NOT NULL,
    PRIMARY KEY (rating_id, item_id)
  );
  INSERT INTO rating_items (rating_id, item_id) SELECT id, item_id FROM ratings WHERE item_id IS NOT NULL;
  CREATE TRIGGER rating_items_no_update BEFORE UPDATE ON rating_items
    BEGIN SELECT RAISE(ABORT, 'a rating cannot be altered'); END;
  CREATE TRIGGER rating_items_no_delete BEFORE DELETE ON rating_items
    BEGIN SELECT RAISE(ABORT, 'a rating cannot be deleted'); END;
  CREATE INDEX cases_ticket ON cases (json_extract(data, '$.ticketId'));
  `,
];
