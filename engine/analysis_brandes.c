/* Unweighted betweenness (Brandes 2001) on a CSR copy of the view, sources
 * shared among threads.
 *
 * Why not igraph_betweenness: betweenness is the measure users run on the
 * largest graphs, and igraph 0.10's implementation (adjacency lists of
 * vectors, per-source allocation, not thread-safe) is several times slower
 * than a flat CSR loop; igraph cannot be called from several threads
 * either (the Debian build is not thread-safe). Results are the same
 * unnormalised values igraph returns (tests compare both and networkx).
 * Weighted betweenness stays with igraph (Dijkstra).
 *
 * Determinism: sources are cut into fixed chunks whose sums are added in
 * order, so the scores are bit-identical whatever the number of threads. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis_priv.h"

typedef struct csr {
    size_t n;
    size_t *off;   /* n + 1 */
    uint32_t *adj; /* out-neighbours */
    size_t *ioff;  /* in-neighbours (directed only; else aliases off/adj) */
    uint32_t *iadj;
} csr;

static void csr_build(csr *c, const rg_view *v)
{
    size_t n = v->n, m = v->m;
    bool d = v->directed;
    c->n = n;
    c->off = rg_calloc(n + 2, sizeof *c->off);
    c->adj = rg_malloc((2 * m + 1) * sizeof *c->adj);
    for (size_t e = 0; e < m; e++) {
        c->off[IGRAPH_FROM(&v->ig, e) + 1]++;
        if (!d) c->off[IGRAPH_TO(&v->ig, e) + 1]++;
    }
    for (size_t i = 0; i < n; i++)
        c->off[i + 1] += c->off[i];
    size_t *pos = rg_malloc((n + 1) * sizeof *pos);
    memcpy(pos, c->off, n * sizeof *pos);
    for (size_t e = 0; e < m; e++) {
        uint32_t a = (uint32_t)IGRAPH_FROM(&v->ig, e), b = (uint32_t)IGRAPH_TO(&v->ig, e);
        c->adj[pos[a]++] = b;
        if (!d) c->adj[pos[b]++] = a;
    }
    if (!d) {
        c->ioff = c->off;
        c->iadj = c->adj;
        free(pos);
        return;
    }
    c->ioff = rg_calloc(n + 2, sizeof *c->ioff);
    c->iadj = rg_malloc((m + 1) * sizeof *c->iadj);
    for (size_t e = 0; e < m; e++)
        c->ioff[IGRAPH_TO(&v->ig, e) + 1]++;
    for (size_t i = 0; i < n; i++)
        c->ioff[i + 1] += c->ioff[i];
    memcpy(pos, c->ioff, n * sizeof *pos);
    for (size_t e = 0; e < m; e++)
        c->iadj[pos[IGRAPH_TO(&v->ig, e)]++] = (uint32_t)IGRAPH_FROM(&v->ig, e);
    free(pos);
}

static void csr_free(csr *c)
{
    if (c->ioff != c->off) {
        free(c->ioff);
        free(c->iadj);
    }
    free(c->off);
    free(c->adj);
}

typedef struct worker {
    const csr *c;
    size_t from, to; /* sources [from, to) */
    double *bc;      /* this chunk's sums */
} worker;

static void *brandes_range(void *arg)
{
    worker *w = arg;
    const csr *c = w->c;
    size_t n = c->n;
    int32_t *dist = rg_malloc((n + 1) * sizeof *dist);
    double *sigma = rg_malloc((n + 1) * sizeof *sigma);
    double *delta = rg_malloc((n + 1) * sizeof *delta);
    uint32_t *order = rg_malloc((n + 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        dist[i] = -1, sigma[i] = 0, delta[i] = 0;
    for (size_t s = w->from; s < w->to; s++) {
        /* BFS: `order` is both the queue and, read backwards, the stack. */
        size_t head = 0, tail = 0;
        order[tail++] = (uint32_t)s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            uint32_t u = order[head++];
            int32_t du = dist[u] + 1;
            double su = sigma[u];
            for (size_t k = c->off[u]; k < c->off[u + 1]; k++) {
                uint32_t x = c->adj[k];
                if (dist[x] < 0) {
                    dist[x] = du;
                    order[tail++] = x;
                }
                if (dist[x] == du) sigma[x] += su;
            }
        }
        /* Dependencies, farthest first; predecessors are the in-neighbours
         * one step closer to s. */
        for (size_t i = tail; i-- > 1;) {
            uint32_t x = order[i];
            double coeff = (1.0 + delta[x]) / sigma[x];
            int32_t dp = dist[x] - 1;
            for (size_t k = c->ioff[x]; k < c->ioff[x + 1]; k++) {
                uint32_t p = c->iadj[k];
                if (dist[p] == dp) delta[p] += sigma[p] * coeff;
            }
            w->bc[x] += delta[x];
        }
        for (size_t i = 0; i < tail; i++) {
            uint32_t x = order[i];
            dist[x] = -1;
            sigma[x] = 0;
            delta[x] = 0;
        }
    }
    free(dist);
    free(sigma);
    free(delta);
    free(order);
    return NULL;
}

/* Sources are cut into a fixed number of chunks, whatever the number of
 * threads, and chunk sums are added in chunk order: the scores do not
 * depend on how many threads ran. */
#define RG_BRANDES_CHUNKS 16

static size_t thread_count(size_t nchunks)
{
    const char *env = getenv("RG_THREADS");
    long t = env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);
    if (t < 1) t = 1;
    return (size_t)t < nchunks ? (size_t)t : nchunks;
}

typedef struct team {
    worker *chunks;
    size_t nchunks, stride, first;
} team;

static void *run_chunks(void *arg)
{
    team *t = arg;
    for (size_t k = t->first; k < t->nchunks; k += t->stride)
        brandes_range(&t->chunks[k]);
    return NULL;
}

void rg_brandes_betweenness(const rg_view *v, double *out)
{
    csr c;
    csr_build(&c, v);
    size_t n = v->n;
    size_t nc = n / 256 + 1 < RG_BRANDES_CHUNKS ? n / 256 + 1 : RG_BRANDES_CHUNKS;
    size_t nt = thread_count(nc);
    worker *ws = rg_calloc(nc, sizeof *ws);
    for (size_t k = 0; k < nc; k++)
        ws[k] = (worker){&c, n * k / nc, n * (k + 1) / nc, rg_calloc(n + 1, sizeof(double))};
    team *teams = rg_calloc(nt, sizeof *teams);
    pthread_t *th = rg_calloc(nt, sizeof *th);
    bool *started = rg_calloc(nt, sizeof *started);
    for (size_t t = 0; t < nt; t++) {
        teams[t] = (team){ws, nc, nt, t};
        if (t > 0) started[t] = pthread_create(&th[t], NULL, run_chunks, &teams[t]) == 0;
    }
    run_chunks(&teams[0]);
    for (size_t t = 1; t < nt; t++) {
        if (started[t])
            pthread_join(th[t], NULL);
        else
            run_chunks(&teams[t]); /* no thread available: do it here */
    }
    /* Undirected: each pair was counted from both ends; igraph and the
     * networkx scaling expect it once. */
    double half = v->directed ? 1.0 : 0.5;
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        for (size_t k = 0; k < nc; k++)
            s += ws[k].bc[i];
        out[i] = s * half;
    }
    for (size_t k = 0; k < nc; k++)
        free(ws[k].bc);
    free(ws);
    free(teams);
    free(th);
    free(started);
    csr_free(&c);
}
