#ifndef DIALER_CEXPAT_SHIM_H
#define DIALER_CEXPAT_SHIM_H
/* Expat (Debian libexpat1-dev): the streaming XML parser under the Excel sheet reader. */
#include <expat.h>
#endif
