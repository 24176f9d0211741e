#ifndef DIALER_COPENSSL_SHIM_H
#define DIALER_COPENSSL_SHIM_H
/*
 * libcrypto's one-shot HMAC with SHA-256, for signing webhook bodies.
 * Returns 1 on success and writes 32 bytes to out; 0 on failure.
 * Also: PBKDF2-HMAC-SHA256 for passwords, RAND_bytes, SHA-256 and
 * CRYPTO_memcmp for the web console's accounts (docs/web.md).
 */
#include <stddef.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

static inline int dialer_hmac_sha256(const void *key, int key_length,
                                     const unsigned char *data, size_t data_length,
                                     unsigned char out[32]) {
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key, key_length, data, data_length, out, &length) == NULL) return 0;
    return length == 32;
}

/* PBKDF2-HMAC-SHA256 of password with salt and iterations into out (length bytes). 1 on success. */
static inline int dialer_pbkdf2_sha256(const char *password, int password_length, const unsigned char *salt, int salt_length,
                                       int iterations, unsigned char *out, int length) {
    return PKCS5_PBKDF2_HMAC(password, password_length, salt, salt_length, iterations, EVP_sha256(), length, out);
}
#endif
