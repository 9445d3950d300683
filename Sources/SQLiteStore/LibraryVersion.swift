import CSQLite

/// The version of the SQLite library in use, as `sqlite3_libversion()` reports it (for example `"3.40.1"`).
public let sqliteLibraryVersion: String = String(cString: sqlite3_libversion())
