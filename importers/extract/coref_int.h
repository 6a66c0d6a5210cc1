/* Internal to the coreference stages (coref.c, nominal.c). */
#ifndef RG_COREF_INT_H
#define RG_COREF_INT_H

#include "rg_extract.h"

/* Merges add[0..nadd), sorted by begin, into x->mentions (sorted by begin),
 * keeping the order (by begin, the longer first at equal begins); remap
 * (may be NULL) receives each old mention's new index. */
void rg_coref_merge(rg_extraction *x, const rg_xmention *add, size_t nadd, uint32_t *remap);

#endif
