#include "rg_util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

static bool quiet;

rg_status rg_error_set(rg_error *err, rg_status code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return code;
}

void rg_error_clear(rg_error *err)
{
    if (err) {
        err->code = RG_OK;
        err->msg[0] = '\0';
    }
}

void rg_set_quiet(bool q)
{
    quiet = q;
}

void rg_warn(const char *fmt, ...)
{
    if (quiet) return;
    va_list ap;
    va_start(ap, fmt);
    fputs("relgraph: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void oom(void)
{
    fputs("relgraph: out of memory\n", stderr);
    abort();
}

/* Big arrays (10M edges, the id and edge identity tables of 1M nodes) are
 * touched for the first time right after they are allocated, and hash
 * tables are then probed at random: with 4 KiB pages that is a page fault
 * per 4 KiB (slow in a VM) and a TLB miss per probe. Such blocks ask for
 * transparent huge pages (a no-op where THP is off or "always"). */
void rg_huge_hint(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)2 << 20;
    if (!p || n < 2 * huge) return;
    uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + n) & ~(huge - 1);
    if (e > a) madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    (void)p, (void)n;
#endif
}

void *rg_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    rg_huge_hint(p, n);
    return p;
}

void *rg_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom();
    if (size && n <= SIZE_MAX / size) rg_huge_hint(p, n * size);
    return p;
}

void *rg_realloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) oom();
    rg_huge_hint(p, n);
    return p;
}

char *rg_strdup(const char *s)
{
    return s ? rg_strndup(s, strlen(s)) : NULL;
}

char *rg_strndup(const char *s, size_t n)
{
    char *d = rg_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *rg_sprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = rg_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

void rg_grow_slow(void *items_ptr, size_t *cap, size_t need, size_t size)
{
    void **items = items_ptr;
    if (need <= *cap) return;
    size_t c = *cap ? *cap : 8;
    while (c < need)
        c *= 2;
    *items = rg_realloc(*items, c * size);
    *cap = c;
}

void rg_buf_append(rg_buf *b, const void *p, size_t n)
{
    rg_grow(&b->data, &b->cap, b->len + n + 1, 1);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rg_buf_puts(rg_buf *b, const char *s)
{
    rg_buf_append(b, s, strlen(s));
}

void rg_buf_printf(rg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    rg_grow(&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *rg_buf_detach(rg_buf *b)
{
    char *s = b->data ? b->data : rg_strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void rg_buf_free(rg_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

uint64_t rg_hash64(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* Open addressing with linear probing; deletions use backward-shift so no
 * tombstones accumulate. Capacity is a power of two, load kept under 1/2. */
void rg_strmap_init(rg_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void rg_strmap_free(rg_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* 32 bits of the key's hash, high half folded in: FNV-1a's low bits alone
 * cluster for ids that differ in their last characters ("n1", "n2"). */
static uint32_t tag_of_n(const char *key, size_t len)
{
    uint64_t h = rg_hash64(key, len);
    return (uint32_t)(h ^ (h >> 32));
}

static uint32_t tag_of(const char *key)
{
    return tag_of_n(key, strlen(key));
}

/* The key's slot, or the empty slot where it would go. Probes compare the
 * stored tag first, so a miss costs no string comparison (and no visit to
 * the other key's memory). */
static size_t slot_of(const rg_strmap *m, const char *key, uint32_t tag)
{
    size_t mask = m->cap - 1;
    size_t i = tag & mask;
    while (m->slots[i].key && (m->slots[i].tag != tag || strcmp(m->slots[i].key, key) != 0))
        i = (i + 1) & mask;
    return i;
}

static void rehash(rg_strmap *m, size_t cap)
{
    rg_strmap old = *m;
    m->cap = cap;
    m->len = 0;
    m->slots = rg_calloc(cap, sizeof *m->slots);
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.slots[i].key) continue;
        size_t s = old.slots[i].tag & (cap - 1);
        while (m->slots[s].key)
            s = (s + 1) & (cap - 1);
        m->slots[s] = old.slots[i];
        m->len++;
    }
    free(old.slots);
}

bool rg_strmap_get(const rg_strmap *m, const char *key, uint32_t *val)
{
    if (!m->cap) return false;
    size_t s = slot_of(m, key, tag_of(key));
    if (!m->slots[s].key) return false;
    if (val) *val = m->slots[s].val;
    return true;
}

void rg_strmap_put(rg_strmap *m, const char *key, uint32_t val)
{
    if ((m->len + 1) * 2 > m->cap) rehash(m, m->cap ? m->cap * 2 : 16);
    uint32_t tag = tag_of(key);
    size_t s = slot_of(m, key, tag);
    if (!m->slots[s].key) {
        m->slots[s].key = rg_strdup(key);
        m->slots[s].tag = tag;
        m->len++;
    }
    m->slots[s].val = val;
}

void rg_strmap_prefetch(const rg_strmap *m, const char *key, size_t len)
{
    if (m->cap) __builtin_prefetch(&m->slots[tag_of_n(key, len) & (m->cap - 1)]);
}

bool rg_strmap_peek(const rg_strmap *m, const char *key, size_t len, uint32_t *val)
{
    if (!m->cap) return false;
    uint32_t tag = tag_of_n(key, len);
    size_t mask = m->cap - 1;
    for (size_t i = tag & mask; m->slots[i].key; i = (i + 1) & mask)
        if (m->slots[i].tag == tag) {
            __builtin_prefetch(m->slots[i].key);
            *val = m->slots[i].val;
            return true;
        }
    return false;
}

bool rg_strmap_del(rg_strmap *m, const char *key)
{
    if (!m->cap) return false;
    size_t mask = m->cap - 1, i = slot_of(m, key, tag_of(key));
    if (!m->slots[i].key) return false;
    free(m->slots[i].key);
    m->slots[i].key = NULL;
    m->len--;
    /* Backward-shift: move later entries of the probe run into the hole
     * when their home slot does not lie cyclically in (hole, j]. */
    for (size_t j = (i + 1) & mask; m->slots[j].key; j = (j + 1) & mask) {
        size_t home = m->slots[j].tag & mask;
        bool between = (i <= j) ? (i < home && home <= j) : (i < home || home <= j);
        if (between) continue;
        m->slots[i] = m->slots[j];
        m->slots[j].key = NULL;
        i = j;
    }
    return true;
}

rg_status rg_read_file(const char *path, char **data, size_t *len, size_t max_bytes, rg_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) return rg_error_set(err, RG_EINPUT, "%s: cannot open: %s", path, strerror(errno));
    rg_buf b = {0};
    if (!is_stdin) {
        struct stat st;
        if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
            fclose(f);
            return rg_error_set(err, RG_EINPUT, "%s: is a directory", path);
        }
    }
    char chunk[65536];
    size_t n;
    rg_status rc = RG_OK;
    /* A regular file is read straight into a buffer of its size (growing a
     * buffer by doubling copied a 150 MB table several times over); what
     * is past that size (a growing file, stdin) goes through the loop. */
    struct stat st;
    if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (!max_bytes || (size_t)st.st_size <= max_bytes)) {
        b.cap = (size_t)st.st_size + 1;
        b.data = rg_malloc(b.cap);
        while (b.len < (size_t)st.st_size &&
               (n = fread(b.data + b.len, 1, (size_t)st.st_size - b.len, f)) > 0)
            b.len += n;
        b.data[b.len] = '\0';
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max_bytes && b.len + n > max_bytes) {
            rc = rg_error_set(err, RG_EINPUT, "%s: larger than the limit of %zu bytes", path,
                              max_bytes);
            break;
        }
        rg_buf_append(&b, chunk, n);
    }
    if (rc == RG_OK && ferror(f))
        rc = rg_error_set(err, RG_EINPUT, "%s: read error: %s", path, strerror(errno));
    if (!is_stdin) fclose(f);
    if (rc != RG_OK) {
        rg_buf_free(&b);
        return rc;
    }
    *len = b.len;
    *data = rg_buf_detach(&b);
    return RG_OK;
}

rg_status rg_outfile_open(rg_outfile *o, const char *path, rg_error *err)
{
    memset(o, 0, sizeof *o);
    o->path = rg_strdup(path);
    if (strcmp(path, "-") == 0) {
        o->fp = stdout;
        return RG_OK;
    }
    /* A device or FIFO (/dev/null, /dev/stdout, a pipe) is written in place:
     * renaming a temp file over it would replace the device itself (as root,
     * in /dev). */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        o->fp = fopen(path, "w");
        if (!o->fp) {
            rg_status rc =
                rg_error_set(err, RG_EINPUT, "%s: cannot write: %s", path, strerror(errno));
            free(o->path);
            memset(o, 0, sizeof *o);
            return rc;
        }
        return RG_OK;
    }
    /* The temp file lives in the target's directory so rename() is atomic. */
    o->tmp = rg_sprintf("%s.tmp.XXXXXX", path);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        rg_status rc = rg_error_set(err, RG_EINPUT, "%s: cannot write: %s", path, strerror(errno));
        free(o->tmp);
        free(o->path);
        memset(o, 0, sizeof *o);
        return rc;
    }
    fchmod(fd, 0644 & ~0022);
    o->fp = fdopen(fd, "w");
    return RG_OK;
}

rg_status rg_outfile_commit(rg_outfile *o, rg_error *err)
{
    rg_status rc = RG_OK;
    if (!o->tmp) {
        bool bad = fflush(o->fp) != 0 || ferror(o->fp);
        if (o->fp != stdout && fclose(o->fp) != 0) bad = true; /* a device */
        if (bad) rc = rg_error_set(err, RG_EINPUT, "%s: write error: %s", o->path, strerror(errno));
    } else {
        bool bad = ferror(o->fp) || fflush(o->fp) != 0 || fsync(fileno(o->fp)) != 0;
        if (fclose(o->fp) != 0) bad = true;
        o->fp = NULL;
        if (bad || rename(o->tmp, o->path) != 0) {
            rc = rg_error_set(err, RG_EINPUT, "%s: write error: %s", o->path, strerror(errno));
            unlink(o->tmp);
        }
    }
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return rc;
}

void rg_outfile_abort(rg_outfile *o)
{
    if (o->tmp) {
        if (o->fp) fclose(o->fp);
        unlink(o->tmp);
    } else if (o->fp && o->fp != stdout) {
        fclose(o->fp);
    }
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}

/* Apostrophe-like marks vanish without splitting the word: "O'Brien",
 * and the ayn and hamza of Arabic transliterations, which are written with
 * any of these ("Ma'arrat", "Ma‘arrat", "ʿAbd", "Shaʾban"). */
static bool apostrophe_like(utf8proc_int32_t cp)
{
    return cp == '\'' || cp == '`' || cp == 0xB4 || cp == 0x2018 || cp == 0x2019 || cp == 0x02BB ||
           cp == 0x02BC || cp == 0x02BE || cp == 0x02BF;
}

/* Latin letters without a decomposition, which stripping marks leaves as
 * they are: "Łódź" should meet "Lodz". Code points after casefolding. */
static const char *latin_ascii(utf8proc_int32_t cp)
{
    static const struct {
        utf8proc_int32_t cp;
        const char *ascii;
    } map[] = {{0x0142, "l"}, {0x00F8, "o"}, {0x0111, "d"},  {0x00F0, "d"},  {0x0127, "h"},
               {0x0131, "i"}, {0x0167, "t"}, {0x00E6, "ae"}, {0x0153, "oe"}, {0x00FE, "th"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (map[i].cp == cp) return map[i].ascii;
    return NULL;
}

/* rg_fold of printable ASCII (0x20-0x7E), which is most names: letters
 * lower-cased, digits kept, apostrophes dropped, any other run of bytes one
 * space, both ends trimmed. This is what the utf8proc path below does for
 * these bytes, without its allocation and per-code-point lookups; the unit
 * test compares the two. Returns NULL when s has any other byte. */
static char *fold_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E) return NULL;
    char *out = rg_malloc(n + 1);
    size_t k = 0;
    bool space = true;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + ('a' - 'A'));
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out[k++] = c;
            space = false;
        } else if (!space && c != '\'' && c != '`') {
            out[k++] = ' ';
            space = true;
        }
    }
    if (k && out[k - 1] == ' ') k--;
    out[k] = '\0';
    return out;
}

char *rg_fold(const char *s, size_t n)
{
    char *fast = fold_ascii(s, n);
    if (fast) return fast;
    utf8proc_uint8_t *f = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
                                      UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK | UTF8PROC_STRIPCC);
    rg_buf b = {0};
    if (r < 0) { /* invalid UTF-8: fold ASCII only */
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
            rg_buf_putc(&b, (char)c);
        }
        return rg_buf_detach(&b);
    }
    /* Punctuation and symbols become single spaces; trim both ends. */
    bool space = true;
    utf8proc_int32_t cp;
    for (utf8proc_ssize_t i = 0; i < r;) {
        utf8proc_ssize_t k = utf8proc_iterate(f + i, r - i, &cp);
        if (k <= 0) break;
        utf8proc_category_t cat = utf8proc_category(cp);
        bool word = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        const char *ascii = word ? latin_ascii(cp) : NULL;
        if (ascii) {
            rg_buf_puts(&b, ascii);
            space = false;
        } else if (word && !apostrophe_like(cp)) {
            rg_buf_append(&b, f + i, (size_t)k);
            space = false;
        } else if (!space && !apostrophe_like(cp)) {
            rg_buf_putc(&b, ' ');
            space = true;
        }
        i += k;
    }
    free(f);
    if (b.len && b.data[b.len - 1] == ' ') b.data[--b.len] = '\0';
    return rg_buf_detach(&b);
}

char *rg_slug(const char *s)
{
    char *f = rg_fold(s, strlen(s));
    rg_buf b = {0};
    for (char *p = f; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            rg_buf_putc(&b, (char)c);
        else if (c == ' ')
            rg_buf_putc(&b, '-');
        else if (c >= 0x80)
            rg_buf_putc(&b, (char)c); /* keep non-Latin scripts */
    }
    free(f);
    return rg_buf_detach(&b);
}
