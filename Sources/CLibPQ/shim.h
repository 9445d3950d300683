// The system libpq (Debian: libpq-dev) for the PostgresStore module: the PostgreSQL ledger's client.
#ifndef LINEPLAN_CLIBPQ_SHIM_H
#define LINEPLAN_CLIBPQ_SHIM_H

#include <postgresql/libpq-fe.h>

#endif
