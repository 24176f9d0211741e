/// The store's schema, as forward migrations. Never edit a released migration:
/// add the next one.
enum Schema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "campaigns, contacts, jobs, attempts", sql: """
            CREATE TABLE campaigns (
                id           INTEGER PRIMARY KEY,
                name         TEXT NOT NULL UNIQUE,
                spec_json    TEXT NOT NULL,
                source_path  TEXT NOT NULL,
                source_hash  TEXT NOT NULL,
                compiled_at  REAL NOT NULL
            );
            CREATE TABLE lists (
                id           INTEGER PRIMARY KEY,
                campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
                position     INTEGER NOT NULL,
                path         TEXT NOT NULL,
                header_json  TEXT NOT NULL,
                UNIQUE (campaign_id, position)
            );
            CREATE TABLE contacts (
                id             INTEGER PRIMARY KEY,
                campaign_id    INTEGER NOT NULL REFERENCES campaigns(id),
                list_id        INTEGER NOT NULL REFERENCES lists(id),
                line           INTEGER NOT NULL,
                name           TEXT,
                fields_json    TEXT NOT NULL,
                phone_e164     TEXT,
                phone_kind     TEXT,
                time_zone      TEXT,
                problem        TEXT
            );
            CREATE INDEX contacts_campaign ON contacts(campaign_id);
            CREATE TABLE jobs (
                id            INTEGER PRIMARY KEY,
                campaign_id   INTEGER NOT NULL REFERENCES campaigns(id),
                contact_id    INTEGER NOT NULL UNIQUE REFERENCES contacts(id),
                state         TEXT NOT NULL CHECK (state IN
                              ('pending','dialing','completed','exhausted','invalid','dnc','duplicate','cancelled')),
                attempts      INTEGER NOT NULL DEFAULT 0,
                next_at       REAL,
                last_outcome  TEXT,
                updated_at    REAL NOT NULL
            );
            CREATE INDEX jobs_due ON jobs(campaign_id, state, next_at);
            CREATE TABLE attempts (
                id            INTEGER PRIMARY KEY,
                campaign_id   INTEGER NOT NULL REFERENCES campaigns(id),
                job_id        INTEGER NOT NULL REFERENCES jobs(id),
                number        TEXT NOT NULL,
                state         TEXT NOT NULL CHECK (state IN ('dialing','ended')),
                placed_at     REAL NOT NULL,
                answered_at   REAL,
                connected_at  REAL,
                ended_at      REAL,
                outcome       TEXT,
                cause         INTEGER,
                ring_seconds  REAL,
                talk_seconds  REAL,
                wrap_seconds  REAL,
                agent         TEXT
            );
            CREATE INDEX attempts_job ON attempts(job_id);
            CREATE INDEX attempts_campaign ON attempts(campaign_id, placed_at);
            CREATE TABLE agent_sessions (
                id           INTEGER PRIMARY KEY,
                campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
                agent        TEXT NOT NULL,
                started_at   REAL NOT NULL,
                ended_at     REAL NOT NULL
            );
            """),
        Migration(version: 2, name: "internal do-not-call list", sql: """
            CREATE TABLE dnc_internal (
                number    TEXT PRIMARY KEY,
                added_at  REAL NOT NULL,
                source    TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        Migration(version: 3, name: "outbox for text messages and webhooks", sql: """
            CREATE TABLE store_identity (
                id  TEXT NOT NULL
            );
            INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(8))));
            CREATE TABLE outbox (
                id               INTEGER PRIMARY KEY,
                idempotency_key  TEXT NOT NULL UNIQUE,
                campaign_id      INTEGER NOT NULL REFERENCES campaigns(id),
                contact_id       INTEGER NOT NULL REFERENCES contacts(id),
                channel          TEXT NOT NULL CHECK (channel IN ('sms','webhook')),
                route            TEXT NOT NULL,
                trigger          TEXT NOT NULL,
                recipient        TEXT NOT NULL,
                sender           TEXT,
                body             TEXT NOT NULL,
                time_zone        TEXT,
                state            TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed')),
                tries            INTEGER NOT NULL DEFAULT 0,
                next_at          REAL NOT NULL,
                expires_at       REAL,
                created_at       REAL NOT NULL,
                updated_at       REAL NOT NULL,
                sent_at          REAL,
                last_status      INTEGER,
                last_error       TEXT
            );
            CREATE INDEX outbox_due ON outbox(state, next_at);
            CREATE INDEX outbox_campaign ON outbox(campaign_id, state);
            """),
        Migration(version: 4, name: "daemon lease, campaign controls, daemon settings", sql: """
            CREATE TABLE daemon_lease (
                id            INTEGER PRIMARY KEY CHECK (id = 1),
                holder        TEXT NOT NULL,
                host          TEXT NOT NULL,
                pid           INTEGER NOT NULL,
                token         TEXT NOT NULL,
                acquired_at   REAL NOT NULL,
                heartbeat_at  REAL NOT NULL,
                expires_at    REAL NOT NULL
            );
            CREATE TABLE campaign_controls (
                campaign_id  INTEGER PRIMARY KEY REFERENCES campaigns(id),
                paused       INTEGER NOT NULL CHECK (paused IN (0, 1)),
                changed_at   REAL NOT NULL,
                changed_by   TEXT NOT NULL
            );
            CREATE TABLE daemon_settings (
                key    TEXT PRIMARY KEY,
                value  TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        Migration(version: 5, name: "agents: assignments, outcomes, survey answers, callbacks", sql: """
            CREATE TABLE assignments (
                contact_id   INTEGER PRIMARY KEY REFERENCES contacts(id),
                campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
                agent        TEXT NOT NULL,
                method       TEXT NOT NULL,
                assigned_at  REAL NOT NULL
            );
            CREATE INDEX assignments_agent ON assignments(campaign_id, agent);
            CREATE TABLE outcomes (
                id              INTEGER PRIMARY KEY,
                campaign_id     INTEGER NOT NULL REFERENCES campaigns(id),
                contact_id      INTEGER NOT NULL REFERENCES contacts(id),
                attempt_id      INTEGER REFERENCES attempts(id),
                agent           TEXT,
                disposition     TEXT,
                callback_at     REAL,
                callback_agent  TEXT,
                opt_out         INTEGER NOT NULL DEFAULT 0,
                source          TEXT NOT NULL CHECK (source IN ('agent','keypad','import')),
                row_key         TEXT UNIQUE,
                recorded_at     REAL NOT NULL
            );
            CREATE INDEX outcomes_contact ON outcomes(contact_id);
            CREATE TABLE survey_answers (
                outcome_id   INTEGER NOT NULL REFERENCES outcomes(id),
                contact_id   INTEGER NOT NULL REFERENCES contacts(id),
                question     TEXT NOT NULL,
                answer       TEXT NOT NULL,
                PRIMARY KEY (outcome_id, question)
            );
            CREATE INDEX survey_answers_contact ON survey_answers(contact_id, question);
            ALTER TABLE jobs ADD COLUMN callback_at REAL;
            ALTER TABLE jobs ADD COLUMN callback_agent TEXT;
            """),
        Migration(version: 6, name: "call details: AMD verdicts, recordings, AMD's false-positive share", sql: """
            ALTER TABLE attempts ADD COLUMN amd_result TEXT;
            ALTER TABLE attempts ADD COLUMN recording TEXT;
            CREATE TABLE amd_estimates (
                campaign_id           INTEGER NOT NULL REFERENCES campaigns(id),
                since                 REAL NOT NULL,
                false_positive_share  REAL NOT NULL,
                PRIMARY KEY (campaign_id, since)
            ) WITHOUT ROWID;
            """),
        Migration(version: 7, name: "outbox states unknown (maybe delivered) and skipped (nothing to send)", sql: """
            CREATE TABLE outbox_new (
                id               INTEGER PRIMARY KEY,
                idempotency_key  TEXT NOT NULL UNIQUE,
                campaign_id      INTEGER NOT NULL REFERENCES campaigns(id),
                contact_id       INTEGER NOT NULL REFERENCES contacts(id),
                channel          TEXT NOT NULL CHECK (channel IN ('sms','webhook')),
                route            TEXT NOT NULL,
                trigger          TEXT NOT NULL,
                recipient        TEXT NOT NULL,
                sender           TEXT,
                body             TEXT NOT NULL,
                time_zone        TEXT,
                state            TEXT NOT NULL CHECK (state IN ('queued','sending','sent','failed','unknown','skipped')),
                tries            INTEGER NOT NULL DEFAULT 0,
                next_at          REAL NOT NULL,
                expires_at       REAL,
                created_at       REAL NOT NULL,
                updated_at       REAL NOT NULL,
                sent_at          REAL,
                last_status      INTEGER,
                last_error       TEXT
            );
            INSERT INTO outbox_new SELECT id, idempotency_key, campaign_id, contact_id, channel, route, trigger, recipient,
                sender, body, time_zone, state, tries, next_at, expires_at, created_at, updated_at, sent_at, last_status,
                last_error FROM outbox;
            DROP TABLE outbox;
            ALTER TABLE outbox_new RENAME TO outbox;
            CREATE INDEX outbox_due ON outbox(state, next_at);
            CREATE INDEX outbox_campaign ON outbox(campaign_id, state);
            """),
        Migration(version: 8, name: "real telephony: AMD time apart from ring time, live telephony and agent state", sql: """
            ALTER TABLE attempts ADD COLUMN amd_seconds REAL;
            CREATE TABLE live_state (
                campaign_id       INTEGER PRIMARY KEY REFERENCES campaigns(id),
                telephony         TEXT NOT NULL,
                telephony_error   TEXT,
                agents_logged_in  INTEGER NOT NULL,
                agents_ready      INTEGER NOT NULL,
                agents_paused     INTEGER NOT NULL,
                updated_at        REAL NOT NULL
            );
            """),
            Migration(version: 9, name: "web console: users, API tokens, sessions, contacts added over the API", sql: """
            CREATE TABLE users (
                id             INTEGER PRIMARY KEY,
                name           TEXT NOT NULL UNIQUE,
                role           TEXT NOT NULL CHECK (role IN ('agent','lead','admin')),
                agent          TEXT,
                teams_json     TEXT NOT NULL DEFAULT '[]',
                password_hash  TEXT NOT NULL,
                created_at     REAL NOT NULL,
                changed_at     REAL NOT NULL
            );
            CREATE TABLE api_tokens (
                id            INTEGER PRIMARY KEY,
                user_id       INTEGER NOT NULL REFERENCES users(id),
                token_hash    TEXT NOT NULL UNIQUE,
                scopes        TEXT NOT NULL,
                created_at    REAL NOT NULL,
                last_used_at  REAL
            );
            CREATE TABLE web_sessions (
                token_hash   TEXT PRIMARY KEY,
                user_id      INTEGER NOT NULL REFERENCES users(id),
                csrf_token   TEXT NOT NULL,
                created_at   REAL NOT NULL,
                expires_at   REAL NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX web_sessions_user ON web_sessions(user_id);
            CREATE TABLE api_contacts (
                campaign_id  INTEGER NOT NULL REFERENCES campaigns(id),
                external_id  TEXT NOT NULL,
                contact_id   INTEGER NOT NULL REFERENCES contacts(id),
                added_at     REAL NOT NULL,
                PRIMARY KEY (campaign_id, external_id)
            ) WITHOUT ROWID;
            CREATE INDEX api_contacts_contact ON api_contacts(contact_id);
            CREATE INDEX contacts_number ON contacts(campaign_id, phone_e164);
            -- What changed a contact's result, in commit order: the API's stable cursor (writes are serialised,
            -- so a row id is never committed after a larger one). Filled by triggers, whoever writes.
            CREATE TABLE result_log (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                campaign_id  INTEGER NOT NULL,
                contact_id   INTEGER NOT NULL,
                attempt_id   INTEGER,
                kind         TEXT NOT NULL CHECK (kind IN ('attempt','state','outcome'))
            );
            CREATE INDEX result_log_campaign ON result_log(campaign_id, id);
            INSERT INTO result_log (campaign_id, contact_id, attempt_id, kind)
                SELECT a.campaign_id, j.contact_id, a.id, 'attempt' FROM attempts a JOIN jobs j ON j.id = a.job_id
                WHERE a.state = 'ended' ORDER BY a.ended_at, a.id;
            CREATE TRIGGER result_log_attempt_ended AFTER UPDATE OF state ON attempts
                WHEN NEW.state = 'ended' AND OLD.state <> 'ended'
                BEGIN INSERT INTO result_log (campaign_id, contact_id, attempt_id, kind)
                      SELECT NEW.campaign_id, contact_id, NEW.id, 'attempt' FROM jobs WHERE id = NEW.job_id; END;
            CREATE TRIGGER result_log_attempt_recorded AFTER INSERT ON attempts
                WHEN NEW.state = 'ended'
                BEGIN INSERT INTO result_log (campaign_id, contact_id, attempt_id, kind)
                      SELECT NEW.campaign_id, contact_id, NEW.id, 'attempt' FROM jobs WHERE id = NEW.job_id; END;
            CREATE TRIGGER result_log_job_state AFTER UPDATE OF state ON jobs
                WHEN NEW.state <> OLD.state AND NEW.state <> 'dialing' AND OLD.state <> 'dialing'
                BEGIN INSERT INTO result_log (campaign_id, contact_id, kind) VALUES (NEW.campaign_id, NEW.contact_id, 'state'); END;
            CREATE TRIGGER result_log_outcome AFTER INSERT ON outcomes
                BEGIN INSERT INTO result_log (campaign_id, contact_id, attempt_id, kind)
                      VALUES (NEW.campaign_id, NEW.contact_id, NEW.attempt_id, 'outcome'); END;
            """),
    ]
}
