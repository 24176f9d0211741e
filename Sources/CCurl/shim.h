#ifndef DIALER_CCURL_SHIM_H
#define DIALER_CCURL_SHIM_H
/*
 * Swift cannot call C variadic functions, so curl_easy_setopt and
 * curl_easy_getinfo are wrapped here once per argument kind.
 */
#include <curl/curl.h>

static inline CURLcode dialer_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dialer_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dialer_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dialer_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode dialer_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*dialer_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

static inline CURLcode dialer_curl_setopt_data_callback(CURL *handle, CURLoption option, dialer_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode dialer_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode dialer_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode dialer_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode dialer_curl_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
#endif
