import CSQLite

extension SQLiteError {
    /// A SQLite result code: the primary code (low 8 bits) and the extended code that refines it.
    ///
    /// The named constants follow the C names (`busy` is `SQLITE_BUSY`, `constraintUnique` is
    /// `SQLITE_CONSTRAINT_UNIQUE`). A primary constant has `extended == primary`. Two codes are LinePlan's own
    /// (``foreignDatabase`` and ``newerSchema``); they refine SQLite primary codes with extended values SQLite
    /// never produces.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The primary result code, `extended & 0xFF`.
        public let primary: Int32
        /// The extended result code (equal to ``primary`` when there is no refinement).
        public let extended: Int32

        /// Creates a code from its parts.
        ///
        /// - Parameters:
        ///   - primary: The primary result code.
        ///   - extended: The extended result code.
        public init(primary: Int32, extended: Int32) {
            self.primary = primary
            self.extended = extended
        }

        /// Creates a code from an extended result code (as SQLite returns them), deriving the primary code.
        ///
        /// - Parameter extended: The extended result code.
        public init(extended: Int32) {
            self.init(primary: extended & 0xFF, extended: extended)
        }

        /// Whether this code belongs to `other`.
        ///
        /// When `other` is a primary code (such as ``constraint``) the primary codes are compared, so every
        /// constraint sub-code matches ``constraint``; when `other` is an extended code (such as
        /// ``constraintUnique`` or ``foreignDatabase``) the codes must be equal.
        ///
        /// - Parameter other: The code or family to test against.
        /// - Returns: `true` when this code is `other` or one of its refinements.
        public func matches(_ other: Code) -> Bool {
            other.primary == other.extended ? primary == other.primary : self == other
        }

        /// The code with SQLite's English text, for example `constraint failed (19/2067)`.
        public var description: String {
            let text: String
            if self == .foreignDatabase {
                text = "not a database of this application"
            } else if self == .newerSchema {
                text = "schema newer than this program"
            } else if let english = sqlite3_errstr(extended) {
                text = String(cString: english)
            } else {
                text = "unknown error"
            }
            return primary == extended ? "\(text) (\(primary))" : "\(text) (\(primary)/\(extended))"
        }

        private static func primary(_ value: Int32) -> Code {
            Code(primary: value, extended: value)
        }

        // MARK: - Primary codes

        /// Success (`SQLITE_OK`).
        public static let ok = primary(0)
        /// A generic error, such as an SQL syntax error or a missing table (`SQLITE_ERROR`).
        public static let error = primary(1)
        /// An internal logic error in SQLite (`SQLITE_INTERNAL`).
        public static let internalError = primary(2)
        /// Access permission denied (`SQLITE_PERM`).
        public static let permission = primary(3)
        /// An operation was aborted, for example by a rollback (`SQLITE_ABORT`).
        public static let abort = primary(4)
        /// The database file is locked by another connection, even after the busy timeout (`SQLITE_BUSY`).
        public static let busy = primary(5)
        /// A table in the database is locked (`SQLITE_LOCKED`).
        public static let locked = primary(6)
        /// A memory allocation failed (`SQLITE_NOMEM`).
        public static let noMemory = primary(7)
        /// An attempt to write a read-only database (`SQLITE_READONLY`).
        public static let readOnly = primary(8)
        /// An operation was interrupted (`SQLITE_INTERRUPT`).
        public static let interrupt = primary(9)
        /// A disk I/O error (`SQLITE_IOERR`).
        public static let ioError = primary(10)
        /// The database disk image is malformed (`SQLITE_CORRUPT`).
        public static let corrupt = primary(11)
        /// Unknown opcode or file control (`SQLITE_NOTFOUND`).
        public static let notFound = primary(12)
        /// The database or disk is full (`SQLITE_FULL`).
        public static let full = primary(13)
        /// The database file cannot be opened (`SQLITE_CANTOPEN`).
        public static let cantOpen = primary(14)
        /// A locking protocol error (`SQLITE_PROTOCOL`).
        public static let protocolError = primary(15)
        /// Internal use only (`SQLITE_EMPTY`).
        public static let empty = primary(16)
        /// The schema changed during a statement (`SQLITE_SCHEMA`).
        public static let schema = primary(17)
        /// A string or blob is too big (`SQLITE_TOOBIG`).
        public static let tooBig = primary(18)
        /// A constraint was violated; every `constraint…` code below refines it (`SQLITE_CONSTRAINT`).
        public static let constraint = primary(19)
        /// A data type mismatch (`SQLITE_MISMATCH`).
        public static let mismatch = primary(20)
        /// The library was used incorrectly, or SQLiteStore refused a call (`SQLITE_MISUSE`).
        public static let misuse = primary(21)
        /// Large file support is missing (`SQLITE_NOLFS`).
        public static let noLargeFileSupport = primary(22)
        /// Authorization denied (`SQLITE_AUTH`).
        public static let authorization = primary(23)
        /// Not used by SQLite (`SQLITE_FORMAT`).
        public static let format = primary(24)
        /// A bind parameter index is out of range (`SQLITE_RANGE`).
        public static let range = primary(25)
        /// The file is not a SQLite database (`SQLITE_NOTADB`).
        public static let notADatabase = primary(26)
        /// A notification from `sqlite3_log` (`SQLITE_NOTICE`).
        public static let notice = primary(27)
        /// A warning from `sqlite3_log` (`SQLITE_WARNING`).
        public static let warning = primary(28)
        /// `sqlite3_step` has another row ready (`SQLITE_ROW`).
        public static let row = primary(100)
        /// `sqlite3_step` has finished executing (`SQLITE_DONE`).
        public static let done = primary(101)

        // MARK: - Extended codes

        /// Another connection is recovering a WAL file (`SQLITE_BUSY_RECOVERY`).
        public static let busyRecovery = Code(extended: 5 | 1 << 8)
        /// A read transaction's snapshot is too old to upgrade to a write (`SQLITE_BUSY_SNAPSHOT`).
        public static let busySnapshot = Code(extended: 5 | 2 << 8)
        /// A `CHECK` constraint failed (`SQLITE_CONSTRAINT_CHECK`, 275).
        public static let constraintCheck = Code(extended: 19 | 1 << 8)
        /// A foreign key constraint failed (`SQLITE_CONSTRAINT_FOREIGNKEY`, 787).
        public static let constraintForeignKey = Code(extended: 19 | 3 << 8)
        /// A `NOT NULL` constraint failed (`SQLITE_CONSTRAINT_NOTNULL`, 1299).
        public static let constraintNotNull = Code(extended: 19 | 5 << 8)
        /// A `PRIMARY KEY` constraint failed (`SQLITE_CONSTRAINT_PRIMARYKEY`, 1555).
        public static let constraintPrimaryKey = Code(extended: 19 | 6 << 8)
        /// A `RAISE` in a trigger failed the statement (`SQLITE_CONSTRAINT_TRIGGER`, 1811).
        public static let constraintTrigger = Code(extended: 19 | 7 << 8)
        /// A `UNIQUE` constraint failed (`SQLITE_CONSTRAINT_UNIQUE`, 2067).
        public static let constraintUnique = Code(extended: 19 | 8 << 8)
        /// A rowid is not unique (`SQLITE_CONSTRAINT_ROWID`, 2579).
        public static let constraintRowID = Code(extended: 19 | 10 << 8)

        // MARK: - LinePlan's own codes

        /// The file is a SQLite database of another application (LinePlan's own code).
        ///
        /// Its `application_id` differs, or it has none and already holds tables. Refines ``notADatabase``, so
        /// `matches(.notADatabase)` is `true`. Thrown by ``Database/migrate(applicationID:migrations:)``.
        public static let foreignDatabase = Code(extended: 26 | 0x4C << 8)
        /// The database was written by a newer program (LinePlan's own code).
        ///
        /// Its `user_version` is above the newest migration this program knows. Refines ``cantOpen``. Thrown by
        /// ``Database/migrate(applicationID:migrations:)``.
        public static let newerSchema = Code(extended: 14 | 0x4C << 8)
        /// A write-ahead log (`-wal`) beside the file belongs to another database (LinePlan's own code).
        ///
        /// Refines ``corrupt``, so `matches(.corrupt)` is `true`. Thrown by ``Database/init(path:mode:busyTimeoutMilliseconds:identityQuery:)``
        /// before the log could be applied.
        public static let foreignLog = Code(extended: 11 | 0x4C << 8)
    }
}
