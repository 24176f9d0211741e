#ifndef DIALER_CSQLITE_SHIM_H
#define DIALER_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
