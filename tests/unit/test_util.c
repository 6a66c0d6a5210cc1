/* rg_util: hash map (with deletions), buffers, name folding and slugs,
 * file reading limits and atomic output files. */
#include <dirent.h>
#include <stdint.h>
#include <unistd.h>

#include "rg_test.h"
#include "rg_util.h"

/* Random inserts, replacements and deletions checked against a plain array
 * of who-should-be-there; small key space so probe runs collide and the
 * backward-shift deletion is exercised on wrapped runs. */
static void test_strmap_random(void)
{
    enum { NK = 600, OPS = 20000 };
    int64_t want[NK];
    for (int i = 0; i < NK; i++)
        want[i] = -1;
    rg_strmap m;
    rg_strmap_init(&m);
    uint64_t x = 88172645463325252ULL;
    int bad = 0;
    size_t live = 0;
    for (int op = 0; op < OPS; op++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int k = (int)(x % NK);
        char key[32];
        snprintf(key, sizeof key, "key-%d", k);
        if ((x >> 20) % 3 == 0) {
            bool had = rg_strmap_del(&m, key);
            if (had != (want[k] >= 0)) bad++;
            if (had) live--;
            want[k] = -1;
        } else {
            if (want[k] < 0) live++;
            want[k] = (int64_t)(op);
            rg_strmap_put(&m, key, (uint32_t)op);
        }
        if (m.len != live) bad++;
    }
    for (int k = 0; k < NK; k++) {
        char key[32];
        snprintf(key, sizeof key, "key-%d", k);
        uint32_t v = 0;
        bool has = rg_strmap_get(&m, key, &v);
        if (has != (want[k] >= 0) || (has && v != (uint32_t)want[k])) bad++;
    }
    RG_CHECK(bad == 0);
    RG_CHECK(live > 0 && live < NK); /* the sequence really mixed both */
    rg_strmap_free(&m);
}

static void test_strmap_basic(void)
{
    rg_strmap m;
    rg_strmap_init(&m);
    uint32_t v = 7;
    RG_CHECK(!rg_strmap_get(&m, "a", &v));
    RG_CHECK(!rg_strmap_del(&m, "a"));
    rg_strmap_put(&m, "a", 1);
    rg_strmap_put(&m, "", 2); /* the empty string is a key like any other */
    rg_strmap_put(&m, "a", 3);
    RG_CHECK(m.len == 2);
    RG_CHECK(rg_strmap_get(&m, "a", &v) && v == 3);
    RG_CHECK(rg_strmap_get(&m, "", &v) && v == 2);
    RG_CHECK(rg_strmap_del(&m, "a"));
    RG_CHECK(!rg_strmap_get(&m, "a", NULL));
    RG_CHECK(rg_strmap_get(&m, "", NULL));
    rg_strmap_free(&m);
}

static void test_buf(void)
{
    rg_buf b = {0};
    char *empty = rg_buf_detach(&b);
    RG_CHECK_STR(empty, "");
    free(empty);
    rg_buf_puts(&b, "abc");
    rg_buf_putc(&b, '-');
    rg_buf_printf(&b, "%d/%s", 42, "x");
    rg_buf_append(&b, "\0z", 2); /* embedded NUL kept, length counts it */
    RG_CHECK(b.len == 10);
    RG_CHECK(memcmp(b.data, "abc-42/x\0z", 10) == 0 && b.data[10] == '\0');
    for (int i = 0; i < 1000; i++)
        rg_buf_printf(&b, "%04d", i);
    RG_CHECK(b.len == 10 + 4000);
    RG_CHECK(memcmp(b.data + b.len - 4, "0999", 4) == 0);
    char *s = rg_buf_detach(&b);
    RG_CHECK(b.data == NULL && b.len == 0);
    RG_CHECK(strncmp(s, "abc-42/x", 8) == 0);
    free(s);
}

static void check_fold(const char *in, const char *want)
{
    char *f = rg_fold(in, strlen(in));
    RG_CHECK_STR(f, want);
    free(f);
}

static void check_slug(const char *in, const char *want)
{
    char *s = rg_slug(in);
    RG_CHECK_STR(s, want);
    free(s);
}

static void test_fold_slug(void)
{
    check_fold("Asaad al-Shibani", "asaad al shibani");
    check_fold("  RÉSEAU   d'Écoute  ", "reseau decoute");
    check_fold("Çelik–Öztürk", "celik ozturk"); /* en dash */
    check_fold("Straße", "strasse");
    check_fold("ﬁnance Ｂ", "finance b"); /* compatibility forms */
    /* Arabic transliterations: ayn and hamza in their many spellings vanish,
     * dots and macrons are stripped, so every spelling meets */
    check_fold("ʿAbd al-Raḥmān", "abd al rahman");
    check_fold("Abd al-Rahman", "abd al rahman");
    check_fold("Ma‘arrat al-Nu‘man", "maarrat al numan");
    check_fold("Ma'arrat al-Nu'man", "maarrat al numan");
    check_fold("Maʾmūn", "mamun");
    check_fold("Łódź", "lodz");
    check_fold("Ærø", "aero");
    /* Arabic script stays Arabic; hamza on alef is a mark and goes */
    check_fold("بشار الأسد", "بشار الاسد");
    check_fold("--", "");
    /* invalid UTF-8 folds ASCII only, never fails */
    char *f = rg_fold("AB\xff", 3);
    RG_CHECK(f && strncmp(f, "ab", 2) == 0);
    free(f);

    check_slug("Asaad al-Shibani", "asaad-al-shibani");
    check_slug("ʿAbd al-Raḥmān", "abd-al-rahman");
    check_slug("Jamil Hassan (Air Force Intelligence)", "jamil-hassan-air-force-intelligence");
    check_slug("Łódź", "lodz");
    check_slug("بشار الأسد", "بشار-الاسد");
    check_slug("!!!", "");
}

/* Printable ASCII takes a fast path in rg_fold; appending " é" sends the
 * same text down the utf8proc path, which must give the fast answer plus
 * "e" (after one separating space when the fast answer is not empty).
 * Random strings over an alphabet rich in separators, apostrophes, digits
 * and case. */
static void test_fold_ascii_paths(void)
{
    static const char alpha[] = "aZq09 '`-_.,:;()[]{}/\\\"!?$%&*+<=>@^|~#  ";
    uint32_t seed = 12345;
    for (int round = 0; round < 20000; round++) {
        char s[40], t[48];
        size_t n = (seed = seed * 1103515245u + 12345u) >> 16 & 31;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            s[i] = alpha[(seed >> 16) % (sizeof alpha - 1)];
        }
        s[n] = 0;
        snprintf(t, sizeof t, "%s \xc3\xa9", s);
        char *fast = rg_fold(s, n), *slow = rg_fold(t, strlen(t));
        char want[48];
        snprintf(want, sizeof want, "%s%se", fast, *fast ? " " : "");
        RG_CHECK_STR(slow, want);
        free(fast);
        free(slow);
    }
}

static bool dir_empty(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    bool empty = true;
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) empty = false;
    if (d) closedir(d);
    return d != NULL && empty;
}

static char *slurp(const char *path)
{
    char *data = NULL;
    size_t len;
    if (rg_read_file(path, &data, &len, 0, NULL) != RG_OK) return NULL;
    return data;
}

static void test_outfile(void)
{
    char dir[] = "/tmp/rg_test_util.XXXXXX";
    RG_CHECK(mkdtemp(dir) != NULL);
    char *path = rg_sprintf("%s/out.json", dir);
    rg_outfile o;
    rg_error err = {0};

    /* abort leaves nothing behind */
    RG_CHECK(rg_outfile_open(&o, path, &err) == RG_OK);
    fputs("partial", o.fp);
    rg_outfile_abort(&o);
    RG_CHECK(dir_empty(dir));

    /* commit puts the content in place */
    RG_CHECK(rg_outfile_open(&o, path, &err) == RG_OK);
    fputs("first", o.fp);
    RG_CHECK(rg_outfile_commit(&o, &err) == RG_OK);
    char *s = slurp(path);
    RG_CHECK_STR(s, "first");
    free(s);

    /* an aborted rewrite leaves the earlier file untouched, no temp file */
    RG_CHECK(rg_outfile_open(&o, path, &err) == RG_OK);
    fputs("second, never finished", o.fp);
    rg_outfile_abort(&o);
    s = slurp(path);
    RG_CHECK_STR(s, "first");
    free(s);
    RG_CHECK(unlink(path) == 0);
    RG_CHECK(dir_empty(dir));

    /* a directory that does not exist: an error naming the path */
    char *bad = rg_sprintf("%s/missing/out.json", dir);
    RG_CHECK(rg_outfile_open(&o, bad, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, bad) != NULL);
    free(bad);
    rmdir(dir);
    free(path);
}

static void test_read_file(void)
{
    char path[] = "/tmp/rg_test_read.XXXXXX";
    int fd = mkstemp(path);
    RG_CHECK(fd >= 0);
    RG_CHECK(write(fd, "0123456789", 10) == 10);
    close(fd);
    char *data;
    size_t len;
    rg_error err = {0};
    RG_CHECK(rg_read_file(path, &data, &len, 10, &err) == RG_OK);
    RG_CHECK(len == 10 && data[10] == '\0');
    free(data);
    RG_CHECK(rg_read_file(path, &data, &len, 9, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, path) && strstr(err.msg, "limit"));
    unlink(path);
    RG_CHECK(rg_read_file(path, &data, &len, 0, &err) == RG_EINPUT);
    RG_CHECK(strstr(err.msg, path) != NULL);
    RG_CHECK(rg_read_file("/tmp", &data, &len, 0, &err) == RG_EINPUT);
}

int main(void)
{
    test_strmap_basic();
    test_strmap_random();
    test_buf();
    test_fold_slug();
    test_fold_ascii_paths();
    test_outfile();
    test_read_file();
    return rg_test_done();
}
