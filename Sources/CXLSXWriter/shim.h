#ifndef DIALER_CXLSXWRITER_SHIM_H
#define DIALER_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
