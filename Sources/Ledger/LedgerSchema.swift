import SQLiteStore

/// The ledger's schema, as numbered migrations; a file records the last one applied in `user_version`.
enum LedgerSchema {
    /// "LPLG": marks a SQLite file as a LinePlan ledger (`PRAGMA application_id`).
    static let applicationID: Int32 = 0x4C50_4C47

    /// Version 1: lines and their reservations.
    static let version1 = SQLiteMigration(
        version: 1, name: "lines and reservations",
        sql: """
            CREATE TABLE lines (
                id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL,
                customer TEXT NOT NULL,
                product TEXT NOT NULL,
                site TEXT NOT NULL,
                network TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('designed', 'reserved', 'active', 'ceased')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) STRICT;
            CREATE TABLE reservations (
                id INTEGER PRIMARY KEY,
                line_id TEXT NOT NULL REFERENCES lines(id) ON DELETE RESTRICT,
                kind TEXT NOT NULL CHECK (kind IN ('address', 'port', 'bandwidth', 'vc12', 'vc4', 'otn-slot', 'pon-branch')),
                purpose TEXT NOT NULL,
                resource TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '',
                unit INTEGER NOT NULL DEFAULT 0,
                block_start INTEGER,
                block_end INTEGER,
                amount INTEGER NOT NULL CHECK (amount > 0),
                capacity INTEGER NOT NULL,
                baseline INTEGER NOT NULL DEFAULT 0,
                live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
                created_at TEXT NOT NULL,
                released_at TEXT,
                CHECK ((kind = 'address') = (block_start IS NOT NULL AND block_end IS NOT NULL))
            ) STRICT;
            CREATE INDEX reservations_by_line ON reservations(line_id);
            CREATE UNIQUE INDEX one_holder_per_unit ON reservations(kind, resource, detail, unit)
                WHERE live = 1 AND kind NOT IN ('address', 'bandwidth');
            CREATE UNIQUE INDEX one_holder_per_block ON reservations(block_start)
                WHERE live = 1 AND kind = 'address';
            """)

    /// Version 2: holds that expire, and the audit log.
    static let version2 = SQLiteMigration(
        version: 2, name: "holds and audit log",
        sql: """
            ALTER TABLE lines ADD COLUMN hold_until TEXT;
            CREATE TABLE audit (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                line_id TEXT,
                before TEXT,
                after TEXT
            ) STRICT;
            CREATE INDEX audit_by_line ON audit(line_id);
            """)

    /// Version 3: a line is keyed by its order and site as separate columns, and the file knows itself.
    ///
    /// `(order_id, site)` is unique, so two orders can never share a line whatever their joined id looks
    /// like; `ledger_identity` holds a random identity that every write transaction touches, so a
    /// write-ahead log written by another ledger is told apart before it is applied.
    static let version3 = SQLiteMigration(
        version: 3, name: "line key and ledger identity",
        sql: """
            CREATE UNIQUE INDEX one_line_per_order_site ON lines(order_id, site);
            CREATE TABLE ledger_identity (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                identity TEXT NOT NULL,
                writes INTEGER NOT NULL DEFAULT 0
            ) STRICT;
            INSERT INTO ledger_identity (id, identity) VALUES (1, lower(hex(randomblob(16))));
            """)

    /// The query answering how many writes the ledger has committed (see ``version3``): every write
    /// transaction adds one, so two equal answers mean nothing was written in between.
    static let writeCountQuery = "SELECT writes FROM ledger_identity WHERE id = 1"

    /// The query answering the ledger's identity (see ``version3``).
    static let identityQuery = "SELECT identity FROM ledger_identity WHERE id = 1"

    /// Every migration, oldest first.
    static let migrations = [version1, version2, version3]
}
