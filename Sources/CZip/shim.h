#ifndef DIALER_CZIP_SHIM_H
#define DIALER_CZIP_SHIM_H
/* libzip (Debian libzip-dev): the container of Excel workbooks, read entry by entry as streams. */
#include <zip.h>
#endif
