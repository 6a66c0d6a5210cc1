#include "rg_json_pull.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Objects with more keys than this check duplicates with a hash map; below,
 * a linear scan of the keys so far is cheaper. */
#define LINEAR_KEYS 16

void rg_json_pull_init(rg_json_pull *jp, const char *data, size_t len)
{
    memset(jp, 0, sizeof *jp);
    jp->data = jp->p = data;
    jp->end = data + len;
}

void rg_json_pull_free(rg_json_pull *jp)
{
    free(jp->v);
    rg_buf_free(&jp->strs);
    rg_buf_free(&jp->keys);
    rg_buf_free(&jp->num);
    memset(jp, 0, sizeof *jp);
}

static bool fail(rg_json_pull *jp, const char *at, const char *why)
{
    if (!jp->fail) jp->fail = at, jp->why = why;
    return false;
}

static void skip_ws(rg_json_pull *jp)
{
    const char *p = jp->p, *end = jp->end;
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        p++;
    jp->p = p;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Four hex digits at p (bounds checked by the caller); -1 if not hex. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

static void put_utf8(rg_buf *b, unsigned long c)
{
    char u[4];
    size_t n;
    if (c < 0x80)
        u[0] = (char)c, n = 1;
    else if (c < 0x800)
        u[0] = (char)(0xC0 | c >> 6), u[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        u[0] = (char)(0xE0 | c >> 12), u[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
        u[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | c >> 18), u[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)), u[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    rg_buf_append(b, u, n);
}

/* Length of the valid UTF-8 sequence at p (lead byte >= 0x80), 0 if
 * invalid: jansson's utf8_check_first/full (no overlongs, no surrogates,
 * nothing above U+10FFFF). */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned long v;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, v = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, v = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, v = c & 0x07;
    else
        return 0;
    if ((size_t)(end - p) < n) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        v = v << 6 | (p[i] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && v < 0x10000) || v > 0x10FFFF ||
        (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    return n;
}

/* One \uXXXX escape (p at the 'u'), a surrogate pair taking two; appends the
 * code point and returns the bytes consumed, 0 if invalid. */
static size_t unicode_escape(const char *p, const char *end, rg_buf *out)
{
    if (end - p < 5) return 0;
    long c = hex4(p + 1);
    if (c < 0) return 0;
    if (c >= 0xDC00 && c <= 0xDFFF) return 0;
    if (c < 0xD800 || c > 0xDBFF) {
        put_utf8(out, (unsigned long)c);
        return 5;
    }
    if (end - p < 11 || p[5] != '\\' || p[6] != 'u') return 0;
    long lo = hex4(p + 7);
    if (lo < 0xDC00 || lo > 0xDFFF) return 0;
    put_utf8(out, (unsigned long)(((c - 0xD800) << 10) + (lo - 0xDC00) + 0x10000));
    return 11;
}

/* The string at jp->p (at its opening quote), decoded and appended to out
 * with a terminating NUL; *len is its decoded length. Plain runs are
 * copied in one go: most strings have no escapes and are ASCII. */
static bool scan_string(rg_json_pull *jp, rg_buf *out, size_t *len)
{
    const char *p = jp->p + 1, *end = jp->end;
    size_t start = out->len;
    for (;;) {
        const char *run = p;
        while (p < end && (unsigned char)*p >= 0x20 && *p != '"' && *p != '\\' &&
               (unsigned char)*p < 0x80)
            p++;
        if (p > run) rg_buf_append(out, run, (size_t)(p - run));
        if (p >= end) return fail(jp, p, "premature end of input");
        unsigned char c = (unsigned char)*p;
        if (c == '"') break;
        if (c < 0x20) return fail(jp, p, "control character in string");
        if (c >= 0x80) {
            size_t n = utf8_len((const unsigned char *)p, (const unsigned char *)end);
            if (!n) return fail(jp, p, "invalid UTF-8");
            rg_buf_append(out, p, n);
            p += n;
            continue;
        }
        /* a backslash */
        if (end - p < 2) return fail(jp, p, "premature end of input");
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        const char *e = p[1] ? strchr(from, p[1]) : NULL;
        if (e) {
            rg_buf_putc(out, to[e - from]);
            p += 2;
        } else if (p[1] == 'u') {
            size_t n = unicode_escape(p + 1, end, out);
            if (!n) return fail(jp, p, "invalid \\u escape");
            p += 1 + n;
        } else {
            return fail(jp, p, "invalid escape");
        }
    }
    *len = out->len - start;
    rg_buf_append(out, "", 1); /* the terminating NUL, counted in out->len */
    jp->p = p + 1;
    return true;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A quirk of jansson's lexer, kept so that both accept the same documents:
 * the one character read past a number or a word is pushed back into a
 * NUL-terminated buffer, so a NUL byte there reads as "nothing" and is
 * skipped. */
static const char *skip_nul(const char *p, const char *end)
{
    return p < end && *p == '\0' ? p + 1 : p;
}

/* End of the number token at p per JSON's grammar, NULL if malformed. */
static const char *number_end(const char *p, const char *end, bool *real)
{
    *real = false;
    if (p < end && *p == '-') p++;
    if (p >= end || !is_digit(*p)) return NULL;
    if (*p == '0') {
        p++;
        if (p < end && is_digit(*p)) return NULL;
    } else {
        while (p < end && is_digit(*p))
            p++;
    }
    if (p < end && *p == '.') {
        *real = true;
        if (++p >= end || !is_digit(*p)) return NULL;
        while (p < end && is_digit(*p))
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        *real = true;
        if (++p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || !is_digit(*p)) return NULL;
        while (p < end && is_digit(*p))
            p++;
    }
    return p;
}

/* A number: integer unless it has a fraction or exponent (as in jansson);
 * integers beyond long long and reals beyond double are errors. */
static bool scan_number(rg_json_pull *jp, rg_jv *out)
{
    bool real;
    const char *p = jp->p, *e = number_end(p, jp->end, &real);
    if (!e) return fail(jp, p, "invalid number");
    jp->num.len = 0;
    rg_buf_append(&jp->num, p, (size_t)(e - p));
    errno = 0;
    if (real) {
        double d = strtod(jp->num.data, NULL);
        if (errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL))
            return fail(jp, p, "real number overflow");
        out->type = RG_JV_REAL, out->u.d = d;
    } else {
        long long i = strtoll(jp->num.data, NULL, 10);
        if (errno == ERANGE) return fail(jp, p, "too big integer");
        out->type = RG_JV_INT, out->u.i = i;
    }
    jp->p = skip_nul(e, jp->end);
    return true;
}

/* true, false, null: jansson reads a whole run of letters as one token. */
static bool scan_word(rg_json_pull *jp, rg_jv *out)
{
    const char *p = jp->p, *e = p;
    while (e < jp->end && ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z')))
        e++;
    size_t n = (size_t)(e - p);
    if (n == 4 && memcmp(p, "true", 4) == 0)
        out->type = RG_JV_TRUE;
    else if (n == 5 && memcmp(p, "false", 5) == 0)
        out->type = RG_JV_FALSE;
    else if (n == 4 && memcmp(p, "null", 4) == 0)
        out->type = RG_JV_NULL;
    else
        return fail(jp, p, "invalid token");
    jp->p = skip_nul(e, jp->end);
    return true;
}

static bool parse_value(rg_json_pull *jp, size_t depth);

/* Appends a tree slot for a value about to be parsed (build mode). */
static size_t push_value(rg_json_pull *jp, size_t key)
{
    rg_jv *v = RG_PUSH(jp->v, jp->nv, jp->cap_v);
    memset(v, 0, sizeof *v);
    v->key = key;
    return jp->nv - 1;
}

static bool parse_array(rg_json_pull *jp, size_t depth)
{
    /* a root member's array counts its elements (for the reader to size
     * the graph once) */
    int member = depth == 2 ? jp->pending : -1;
    size_t count = 0;
    jp->p++;
    skip_ws(jp);
    if (jp->p < jp->end && *jp->p == ']') {
        jp->p++;
        return true;
    }
    for (;;) {
        if (jp->build) push_value(jp, RG_JV_NONE);
        if (!parse_value(jp, depth + 1)) return false;
        count++;
        skip_ws(jp);
        if (jp->p >= jp->end) return fail(jp, jp->p, "']' expected");
        if (*jp->p == ']') break;
        if (*jp->p != ',') return fail(jp, jp->p, "']' expected");
        jp->p++;
        skip_ws(jp);
    }
    jp->p++;
    if (member >= 0) jp->member_len[member] = count;
    return true;
}

/* Keys of one object being validated: duplicates are an error. They are
 * kept as [size_t length][bytes] records on jp->keys (a stack shared by the
 * open objects: an inner object pops its keys when it closes); past
 * LINEAR_KEYS keys they go into a hash map instead. */
typedef struct key_set {
    size_t base, n;
    rg_strmap *map;
} key_set;

static bool key_seen(rg_json_pull *jp, key_set *ks, const char *key, size_t len)
{
    if (ks->map) {
        uint32_t dummy;
        if (rg_strmap_get(ks->map, key, &dummy)) return true;
        rg_strmap_put(ks->map, key, 0);
        return false;
    }
    /* (no pointer arithmetic on the stack before anything was pushed: its
     * data is NULL then) */
    const char *p = jp->keys.len ? jp->keys.data + ks->base : NULL,
               *top = jp->keys.len ? jp->keys.data + jp->keys.len : NULL;
    while (p < top) {
        size_t n;
        memcpy(&n, p, sizeof n);
        if (n == len && memcmp(p + sizeof n, key, len) == 0) return true;
        p += sizeof n + n;
    }
    if (++ks->n > LINEAR_KEYS) {
        ks->map = rg_malloc(sizeof *ks->map);
        rg_strmap_init(ks->map);
        for (p = jp->keys.data + ks->base; p < top;) {
            size_t n;
            memcpy(&n, p, sizeof n);
            char *k = rg_strndup(p + sizeof n, n);
            rg_strmap_put(ks->map, k, 0);
            free(k);
            p += sizeof n + n;
        }
        rg_strmap_put(ks->map, key, 0);
        jp->keys.len = ks->base;
        return false;
    }
    rg_buf_append(&jp->keys, &len, sizeof len);
    rg_buf_append(&jp->keys, key, len);
    return false;
}

/* Validation at the root: which of the members the reader needs this is. */
static int member_of(const char *key)
{
    static const char *const names[RG_JSON_NMEMBERS] = {"nodes", "links", "edges", "graph"};
    for (int m = 0; m < RG_JSON_NMEMBERS; m++)
        if (strcmp(key, names[m]) == 0) return m;
    return -1;
}

/* One member's key: decoded into strs (build: *key is its offset there) or
 * checked against the object's other keys (validation: *member is
 * member_of() at the root, else -1). */
static bool object_key(rg_json_pull *jp, key_set *ks, size_t depth, size_t *key, int *member)
{
    *member = -1;
    if (jp->p >= jp->end || *jp->p != '"') return fail(jp, jp->p, "string or '}' expected");
    size_t len;
    if (jp->build) {
        *key = jp->strs.len;
        return scan_string(jp, &jp->strs, &len);
    }
    const char *kp = jp->p;
    jp->num.len = 0;
    if (!scan_string(jp, &jp->num, &len)) return false;
    const char *k = jp->num.data;
    if (memchr(k, '\0', len)) return fail(jp, kp, "NUL byte in object key");
    if (key_seen(jp, ks, k, len)) return fail(jp, kp, "duplicate object key");
    if (depth == 1) *member = member_of(k);
    return true;
}

static bool parse_object(rg_json_pull *jp, size_t depth)
{
    jp->p++;
    skip_ws(jp);
    if (jp->p < jp->end && *jp->p == '}') {
        jp->p++;
        return true;
    }
    key_set ks = {jp->keys.len, 0, NULL};
    bool ok = false;
    for (;;) {
        size_t key = RG_JV_NONE;
        int member;
        if (!object_key(jp, &ks, depth, &key, &member)) break;
        skip_ws(jp);
        if (jp->p >= jp->end || *jp->p != ':') {
            fail(jp, jp->p, "':' expected");
            break;
        }
        jp->p++;
        skip_ws(jp);
        if (member >= 0) jp->member[member] = jp->p;
        if (depth == 1 && !jp->build) jp->pending = member;
        if (jp->build) push_value(jp, key);
        if (!parse_value(jp, depth + 1)) break;
        skip_ws(jp);
        if (jp->p < jp->end && *jp->p == '}') {
            jp->p++;
            ok = true;
            break;
        }
        if (jp->p >= jp->end || *jp->p != ',') {
            fail(jp, jp->p, "'}' expected");
            break;
        }
        jp->p++;
        skip_ws(jp);
    }
    jp->keys.len = ks.base;
    if (ks.map) rg_strmap_free(ks.map), free(ks.map);
    return ok;
}

/* The value at jp->p (no leading blanks). In build mode its slot was pushed
 * by the caller: the last one. */
static bool parse_value(rg_json_pull *jp, size_t depth)
{
    if (depth > RG_JSON_PULL_MAX_DEPTH) return fail(jp, jp->p, "maximum parsing depth reached");
    size_t self = jp->nv - 1;
    rg_jv tmp = {0};
    rg_jv *out = jp->build ? &jp->v[self] : &tmp;
    if (jp->p >= jp->end) return fail(jp, jp->p, "premature end of input");
    char c = *jp->p;
    bool ok;
    if (c == '{' || c == '[') {
        if (jp->build) out->type = c == '{' ? RG_JV_OBJECT : RG_JV_ARRAY;
        ok = c == '{' ? parse_object(jp, depth) : parse_array(jp, depth);
    } else if (c == '"') {
        size_t len;
        if (jp->build)
            out->type = RG_JV_STRING, out->u.str = jp->strs.len;
        else
            jp->num.len = 0;
        ok = scan_string(jp, jp->build ? &jp->strs : &jp->num, &len);
    } else if (c == '-' || is_digit(c)) {
        ok = scan_number(jp, out);
    } else {
        ok = scan_word(jp, out);
    }
    if (jp->build) jp->v[self].end = jp->nv;
    return ok;
}

bool rg_json_pull_validate(rg_json_pull *jp)
{
    jp->build = false;
    jp->p = jp->data;
    jp->fail = NULL;
    memset(jp->member, 0, sizeof jp->member);
    memset(jp->member_len, 0, sizeof jp->member_len);
    jp->pending = -1;
    skip_ws(jp);
    if (jp->p >= jp->end || (*jp->p != '{' && *jp->p != '['))
        return fail(jp, jp->p, "'[' or '{' expected");
    if (!parse_value(jp, 1)) return false;
    skip_ws(jp);
    if (jp->p < jp->end) return fail(jp, jp->p, "end of file expected");
    return true;
}

void rg_json_pull_parse_at(rg_json_pull *jp, const char *at)
{
    jp->build = true;
    jp->nv = 0;
    jp->strs.len = 0;
    jp->p = at;
    push_value(jp, RG_JV_NONE);
    /* validated input: cannot fail; the depth is relative, within the
     * limit already checked for the whole document */
    parse_value(jp, 1);
}

bool rg_json_pull_array_begin(rg_json_pull *jp, const char *at)
{
    jp->p = at + 1;
    skip_ws(jp);
    jp->first = true;
    return jp->p < jp->end && *jp->p != ']';
}

bool rg_json_pull_array_next(rg_json_pull *jp)
{
    if (!jp->first) {
        skip_ws(jp);
        if (jp->p >= jp->end || *jp->p != ',') return false;
        jp->p++;
        skip_ws(jp);
    }
    jp->first = false;
    rg_json_pull_parse_at(jp, jp->p);
    return true;
}

size_t rg_jv_get(const rg_json_pull *jp, size_t i, const char *key)
{
    if (i == RG_JV_NONE || jp->v[i].type != RG_JV_OBJECT) return RG_JV_NONE;
    for (size_t c = i + 1; c < jp->v[i].end; c = jp->v[c].end)
        if (strcmp(jp->strs.data + jp->v[c].key, key) == 0) return c;
    return RG_JV_NONE;
}

const char *rg_jv_str(const rg_json_pull *jp, size_t i)
{
    if (i == RG_JV_NONE || jp->v[i].type != RG_JV_STRING) return NULL;
    return jp->strs.data + jp->v[i].u.str;
}

const char *rg_jv_key(const rg_json_pull *jp, size_t i)
{
    return jp->v[i].key == RG_JV_NONE ? NULL : jp->strs.data + jp->v[i].key;
}
