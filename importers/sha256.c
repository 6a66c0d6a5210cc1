/* SHA-256 of a buffer, for the document record's fingerprint of the raw
 * input bytes. OpenSSL's libcrypto does the work: it uses the CPU's SHA
 * instructions where there are some, several times faster than portable C
 * (hashing was 5% of extraction time with our own implementation). The
 * known-answer tests are in tests/unit/test_doc_text.c. */
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

#include "rg_doc.h"

void rg_sha256_hex(const void *data, size_t len, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    /* EVP_Digest fails only when out of memory or on a broken library */
    if (!EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) || n != 32) {
        fputs("relgraph: libcrypto SHA-256 failed\n", stderr);
        abort();
    }
    static const char hex[] = "0123456789abcdef";
    for (unsigned i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
}
