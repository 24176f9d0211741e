#ifndef DIALER_COPENSSL_SHIM_H
#define DIALER_COPENSSL_SHIM_H
/*
 * libcrypto's one-shot HMAC with SHA-256, for signing webhook bodies.
 * Returns 1 on success and writes 32 bytes to out; 0 on failure.
 */
#include <stddef.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

static inline int dialer_hmac_sha256(const void *key, int key_length,
                                     const unsigned char *data, size_t data_length,
                                     unsigned char out[32]) {
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key, key_length, data, data_length, out, &length) == NULL) return 0;
    return length == 32;
}
#endif
