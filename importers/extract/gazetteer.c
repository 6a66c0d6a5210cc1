#include "rg_gazetteer.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "rg_data.h"
#include "rg_token.h"

uint64_t rg_gaz_hash_key(const char *key, size_t n)
{
    uint64_t h = RG_GAZ_HASH0;
    for (size_t b = 0;;) {
        const char *sp = memchr(key + b, ' ', n - b);
        size_t e = sp ? (size_t)(sp - key) : n;
        h = rg_gaz_hash_next(h, rg_gaz_hash_token(key + b, e - b));
        if (!sp) return h;
        b = e + 1;
    }
}

rg_gazetteer *rg_gaz_new(void)
{
    rg_gazetteer *g = rg_calloc(1, sizeof *g);
    g->cap = 1024;
    g->slots = rg_calloc(g->cap, sizeof *g->slots);
    return g;
}

void rg_gaz_free(rg_gazetteer *g)
{
    if (!g) return;
    if (!g->slots_in_region) free(g->slots);
    if (!g->keys_in_region) rg_buf_free(&g->keys);
    if (g->region) munmap(g->region, g->region_len);
    free(g);
}

#define HUGE_PAGE (2u << 20)

/* len bytes (a multiple of HUGE_PAGE) of zeroed memory aligned to a huge
 * page and advised to use huge pages, or NULL. Filling the built-in table
 * touches every 4 KB page of it at random, and on this kind of virtual
 * machine the page faults took half of the start-up time: with huge pages
 * they are a handful. */
static void *region_alloc(size_t len)
{
#ifdef MADV_HUGEPAGE
    char *p =
        mmap(NULL, len + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return NULL;
    char *a = (char *)(((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
    if (a > p) munmap(p, (size_t)(a - p));
    munmap(a + len, HUGE_PAGE - (size_t)(a - p));
    madvise(a, len, MADV_HUGEPAGE);
    return a;
#else
    (void)len;
    return NULL;
#endif
}

static size_t round_huge(size_t n)
{
    return (n + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
}

/* Appends a key to the arena, moving the arena to the heap first if it is
 * in the region and full (rg_buf would realloc it). */
static void keys_append(rg_gazetteer *g, const char *key, size_t n)
{
    if (g->keys_in_region && g->keys.len + n + 1 > g->keys.cap) {
        size_t cap = (g->keys.len + n + 1) * 2;
        char *m = rg_malloc(cap);
        memcpy(m, g->keys.data, g->keys.len + 1);
        g->keys.data = m;
        g->keys.cap = cap;
        g->keys_in_region = false;
    }
    rg_buf_append(&g->keys, key, n);
}

rg_gazetteer *rg_gaz_clone(const rg_gazetteer *src)
{
    rg_gazetteer *g = rg_calloc(1, sizeof *g);
    g->cap = src->cap;
    g->n = src->n;
    g->max_tokens = src->max_tokens;
    memcpy(g->phrase_filter, src->phrase_filter, sizeof g->phrase_filter);
    g->slots = rg_malloc(g->cap * sizeof *g->slots);
    memcpy(g->slots, src->slots, g->cap * sizeof *g->slots);
    rg_buf_append(&g->keys, src->keys.data ? src->keys.data : "", src->keys.len);
    g->keys.len = src->keys.len;
    return g;
}

/* Slot of key, or the empty slot where it would go (len 0 = empty). */
static size_t find_slot(const rg_gazetteer *g, uint64_t h, const char *key, size_t n)
{
    size_t mask = g->cap - 1, i = (size_t)h & mask;
    for (;;) {
        const rg_gaz_entry *e = &g->slots[i];
        if (e->len == 0) return i;
        if (e->hash == (uint32_t)(h >> 32) && e->len == n &&
            memcmp(g->keys.data + e->off, key, n) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

/* Linear probing stays short up to a load of 5/8, and a smaller table
 * means fewer cache misses and page faults per lookup. */
static bool over_load(size_t n, size_t cap)
{
    return n * 8 > cap * 5;
}

static void grow(rg_gazetteer *g)
{
    rg_gaz_entry *old = g->slots;
    size_t oldcap = g->cap;
    g->cap *= 2;
    g->slots = rg_calloc(g->cap, sizeof *g->slots);
    for (size_t i = 0; i < oldcap; i++) {
        if (old[i].len == 0) continue;
        /* slots keep only the upper half of the hash: recompute the lower */
        uint64_t h = rg_gaz_hash_key(g->keys.data + old[i].off, old[i].len);
        size_t j = (size_t)h & (g->cap - 1);
        while (g->slots[j].len)
            j = (j + 1) & (g->cap - 1);
        g->slots[j] = old[i];
    }
    if (g->slots_in_region)
        g->slots_in_region = false;
    else
        free(old);
}

/* Entity categories of a later entry replace earlier ones (a user lexicon
 * saying "Jordan<TAB>person" wins over the built-in country). */
static void put_key(rg_gazetteer *g, uint64_t h, const char *key, size_t n, uint32_t bits)
{
    if (n == 0 || n > 65535) return;
    if (over_load(g->n + 1, g->cap)) grow(g);
    size_t i = find_slot(g, h, key, n);
    rg_gaz_entry *e = &g->slots[i];
    if (e->len) {
        if (bits & RG_GAZ_ENTITY) e->bits &= ~(uint32_t)(RG_GAZ_ENTITY | RG_GAZ_COUNTRY);
        e->bits |= bits;
        return;
    }
    if (memchr(key, ' ', n)) {
        uint32_t b = (uint32_t)(h >> 40) & (RG_GAZ_FILTER_BITS - 1);
        g->phrase_filter[b / 64] |= 1ull << (b % 64);
    }
    e->hash = (uint32_t)(h >> 32);
    e->off = (uint32_t)g->keys.len;
    e->len = (uint16_t)n;
    e->bits = bits;
    keys_append(g, key, n);
    g->n++;
}

/* Keys waiting to be put while the table slots they hash to are
 * prefetched. Building the built-in table puts ~140k keys into a 2 MB
 * table at random places, and waiting for each slot's cache line was most
 * of the start-up time; with the slots of the next PENDING keys in flight
 * the waits overlap. Keys are put in the order they come, so the table is
 * the same as with put_key directly. */
#define PENDING 16

typedef struct pending {
    size_t head, count;
    struct {
        uint64_t h;
        uint32_t bits;
        uint16_t n;
        char key[1024];
    } e[PENDING];
} pending;

static void pending_put_one(rg_gazetteer *g, pending *q)
{
    size_t k = q->head;
    put_key(g, q->e[k].h, q->e[k].key, q->e[k].n, q->e[k].bits);
    q->head = (k + 1) % PENDING;
    q->count--;
}

static void pending_flush(rg_gazetteer *g, pending *q)
{
    while (q && q->count)
        pending_put_one(g, q);
}

/* put_key now (q NULL) or after the next PENDING keys. */
static void emit_key(rg_gazetteer *g, pending *q, uint64_t h, const char *key, size_t n,
                     uint32_t bits)
{
    if (!q || n == 0 || n > sizeof q->e[0].key) {
        pending_flush(g, q);
        put_key(g, h, key, n, bits);
        return;
    }
    if (q->count == PENDING) pending_put_one(g, q);
    size_t k = (q->head + q->count) % PENDING;
    __builtin_prefetch(&g->slots[(size_t)h & (g->cap - 1)], 1);
    q->e[k].h = h;
    q->e[k].bits = bits;
    q->e[k].n = (uint16_t)n;
    memcpy(q->e[k].key, key, n);
    q->count++;
}

static void add_phrase(rg_gazetteer *g, pending *q, const char *phrase, size_t len, uint32_t bits)
{
    rg_tokenizer tz;
    rg_tokenizer_init(&tz, phrase, len);
    rg_token t;
    char key[1024];
    size_t kn = 0;
    unsigned ntok = 0;
    uint64_t h = RG_GAZ_HASH0; /* of key[0..kn) */
    while (rg_tokenizer_next(&tz, &t)) {
        char f[RG_TOKEN_MAX * 2];
        size_t fn = rg_token_fold(phrase + t.begin, t.end - t.begin, f, sizeof f);
        if (kn + fn + 2 >= sizeof key || ntok >= RG_GAZ_MAX_TOKENS) return;
        if (ntok) {
            emit_key(g, q, h, key, kn, RG_GAZ_PREFIX);
            key[kn++] = ' ';
        }
        memcpy(key + kn, f, fn);
        kn += fn;
        h = rg_gaz_hash_next(h, rg_gaz_hash_token(f, fn));
        ntok++;
    }
    if (!ntok) return;
    if (bits & RG_GAZ_ENTITY)
        bits |= (ntok == 1 && (t.shape & RG_SHAPE_ALLCAPS)) ? RG_GAZ_ACRONYM : RG_GAZ_ANYCASE;
    emit_key(g, q, h, key, kn, bits);
    if (ntok > g->max_tokens) g->max_tokens = ntok;
}

void rg_gaz_add(rg_gazetteer *g, const char *phrase, size_t len, uint32_t bits)
{
    add_phrase(g, NULL, phrase, len, bits);
}

uint32_t rg_gaz_lookup_hashed(const rg_gazetteer *g, uint64_t h, const char *key, size_t n)
{
    if (!g || n == 0) return 0;
    const rg_gaz_entry *e = &g->slots[find_slot(g, h, key, n)];
    return e->len ? e->bits : 0;
}

uint32_t rg_gaz_lookup(const rg_gazetteer *g, const char *key, size_t n)
{
    return rg_gaz_lookup_hashed(g, rg_gaz_hash_key(key, n), key, n);
}

uint32_t rg_gaz_lookup_phrase(const rg_gazetteer *g, const char *phrase)
{
    rg_gazetteer *tmp = rg_gaz_new();
    rg_gaz_add(tmp, phrase, strlen(phrase), 1u << 31);
    uint32_t bits = 0;
    for (size_t i = 0; i < tmp->cap; i++)
        if (tmp->slots[i].len && (tmp->slots[i].bits & (1u << 31)))
            bits = rg_gaz_lookup(g, tmp->keys.data + tmp->slots[i].off, tmp->slots[i].len);
    rg_gaz_free(tmp);
    return bits;
}

static const struct {
    const char *name;
    uint32_t bits;
} categories[] = {
    {"person", RG_GAZ_PERSON},
    {"organisation", RG_GAZ_ORG},
    {"organization", RG_GAZ_ORG},
    {"institution", RG_GAZ_INST},
    {"place", RG_GAZ_PLACE},
    {"location", RG_GAZ_PLACE},
    {"country", RG_GAZ_PLACE | RG_GAZ_COUNTRY},
    {"title", RG_GAZ_TITLE},
    {"given_name", RG_GAZ_GIVEN},
    {"demonym", RG_GAZ_DEMONYM},
    {"institution_head", RG_GAZ_INST_HEAD},
    {"organisation_head", RG_GAZ_ORG_HEAD},
    {"place_head", RG_GAZ_PLACE_HEAD},
    {"place_prefix", RG_GAZ_PLACE_PRE},
    {"particle", RG_GAZ_PARTICLE},
    {"common", RG_GAZ_COMMON},
    {"nominal_organisation", RG_GAZ_NOMINAL_ORG},
    {"nominal_institution", RG_GAZ_NOMINAL_INST},
    {"nominal_place", RG_GAZ_NOMINAL_PLACE},
    {"thing", RG_GAZ_THING},
    {"thing_prefix", RG_GAZ_THING_PRE},
    {"stop", RG_GAZ_STOP},
    {"location_preposition", RG_GAZ_LOC_PREP},
    {"abbreviation", RG_GAZ_ABBREV},
    {"group_noun", RG_GAZ_GROUP_NOUN},
    {"ignore", RG_GAZ_IGNORE},
    {"connector", RG_GAZ_CONNECTOR},
    {"person_cue", RG_GAZ_PERSON_CUE},
    {"state_cue", RG_GAZ_STATE_CUE},
    {"state_verb", RG_GAZ_STATE_VERB},
};

bool rg_gaz_category(const char *name, uint32_t *bits)
{
    for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
        if (strcmp(categories[i].name, name) == 0) {
            *bits = categories[i].bits;
            return true;
        }
    return false;
}

/* One lexicon line (without its newline). */
static rg_status load_line(rg_gazetteer *g, pending *q, const char *s, size_t n, uint32_t def,
                           const char *name, size_t lineno, rg_error *err)
{
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
        n--;
    if (n == 0 || s[0] == '#') return RG_OK;
    const char *tab = memchr(s, '\t', n);
    uint32_t bits = def;
    size_t plen = n;
    if (tab) {
        plen = (size_t)(tab - s);
        char cat[64];
        size_t cn = n - plen - 1;
        if (cn >= sizeof cat) cn = sizeof cat - 1;
        memcpy(cat, tab + 1, cn);
        cat[cn] = 0;
        if (!rg_gaz_category(cat, &bits))
            return rg_error_set(err, RG_EINPUT, "%s:%zu: unknown lexicon category '%s'", name,
                                lineno, cat);
    }
    if (bits == 0)
        return rg_error_set(err, RG_EINPUT, "%s:%zu: entry needs a category (NAME<TAB>type)", name,
                            lineno);
    add_phrase(g, q, s, plen, bits);
    return RG_OK;
}

static rg_status load(rg_gazetteer *g, pending *q, const char *data, size_t len,
                      uint32_t default_bits, const char *name, rg_error *err)
{
    size_t lineno = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len;
        lineno++;
        rg_status rc = load_line(g, q, data + i, e - i, default_bits, name, lineno, err);
        if (rc) {
            pending_flush(g, q);
            return rc;
        }
        i = e + 1;
    }
    return RG_OK;
}

rg_status rg_gaz_load(rg_gazetteer *g, const char *data, size_t len, uint32_t default_bits,
                      const char *name, rg_error *err)
{
    return load(g, NULL, data, len, default_bits, name, err);
}

rg_status rg_gaz_load_file(rg_gazetteer *g, const char *path, rg_error *err)
{
    char *data;
    size_t len;
    rg_status rc = rg_read_file(path, &data, &len, 64u << 20, err);
    if (rc) return rc;
    rc = rg_gaz_load(g, data, len, 0, path, err);
    free(data);
    return rc;
}

/* The built-in lexicons and the category each file's plain lines take. */
static const struct {
    const char *path;
    uint32_t bits;
} builtin_files[] = {
    {"lexicon/common-words.txt", RG_GAZ_COMMON},
    {"lexicon/countries.txt", RG_GAZ_PLACE | RG_GAZ_COUNTRY},
    {"lexicon/regions.txt", RG_GAZ_PLACE},
    {"lexicon/places.txt", RG_GAZ_PLACE},
    {"lexicon/demonyms.txt", RG_GAZ_DEMONYM},
    {"lexicon/given-names.txt", RG_GAZ_GIVEN},
    {"lexicon/titles.txt", RG_GAZ_TITLE},
    {"lexicon/institution-heads.txt", RG_GAZ_INST_HEAD},
    {"lexicon/organisation-heads.txt", RG_GAZ_ORG_HEAD},
    {"lexicon/place-heads.txt", RG_GAZ_PLACE_HEAD},
    {"lexicon/particles.txt", RG_GAZ_PARTICLE},
    {"lexicon/organisations.txt", RG_GAZ_ORG},
    {"lexicon/institutions.txt", RG_GAZ_INST},
    {"lexicon/persons.txt", RG_GAZ_PERSON},
    {"lexicon/nominals.txt", RG_GAZ_NOMINAL_ORG},
    {"lexicon/stopwords.txt", RG_GAZ_STOP},
    {"lexicon/cues.txt", 0},
    {"lexicon/abbreviations.txt", RG_GAZ_ABBREV},
    {"lexicon/non-actors.txt", RG_GAZ_THING},
};

static rg_gazetteer *builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void build_builtin(void)
{
    rg_gazetteer *g = rg_gaz_new();
    /* size the table and key arena once for the built-in data instead of
     * rehashing while loading: a line makes one key, and each space in it
     * at most one more (a prefix key); the load stays at most one half */
    size_t bytes = 0, keys = 0;
    for (size_t i = 0; i < sizeof builtin_files / sizeof *builtin_files; i++) {
        size_t len;
        const char *data = rg_data_get(builtin_files[i].path, &len);
        if (!data) continue;
        bytes += len;
        for (size_t k = 0; k < len; k++)
            keys += data[k] == '\n' || data[k] == ' ';
    }
    size_t cap = g->cap;
    while (over_load(keys, cap))
        cap *= 2;
    free(g->slots);
    g->cap = cap;
    size_t slot_bytes = round_huge(cap * sizeof *g->slots), key_bytes = round_huge(bytes + 1);
    g->region = region_alloc(slot_bytes + key_bytes);
    if (g->region) {
        g->region_len = slot_bytes + key_bytes;
        g->slots = g->region;
        g->keys.data = (char *)g->region + slot_bytes;
        g->keys.cap = key_bytes;
        g->slots_in_region = g->keys_in_region = true;
    } else {
        g->slots = rg_calloc(cap, sizeof *g->slots);
        rg_grow(&g->keys.data, &g->keys.cap, bytes + 1, 1);
    }
    pending *q = rg_malloc(sizeof *q);
    q->head = q->count = 0;
    for (size_t i = 0; i < sizeof builtin_files / sizeof *builtin_files; i++) {
        size_t len;
        const char *data = rg_data_get(builtin_files[i].path, &len);
        if (!data) continue;
        rg_error err = {0};
        if (load(g, q, data, len, builtin_files[i].bits, builtin_files[i].path, &err))
            rg_warn("%s", err.msg);
    }
    pending_flush(g, q);
    free(q);
    builtin = g;
}

const rg_gazetteer *rg_gaz_builtin(void)
{
    pthread_once(&builtin_once, build_builtin);
    return builtin;
}
