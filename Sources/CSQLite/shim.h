// The system SQLite (Debian: libsqlite3-dev) for the SQLiteStore module; the only C in LinePlan.
#ifndef LINEPLAN_CSQLITE_SHIM_H
#define LINEPLAN_CSQLITE_SHIM_H

#include <sqlite3.h>

#endif
