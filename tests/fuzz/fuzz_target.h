/* fuzz_target: the one entry point shared by the libFuzzer harnesses
 * (fuzz_<target>.c, built with RG_FUZZ=ON) and the regression runner
 * (fuzz_regress.c, built in every build), so a crashing input found by the
 * fuzzer is replayed through exactly the same code in CI.
 *
 * rg_fuzz_one() feeds `data` to one importer the way rg_import_file() does
 * (scratch graph, merge on success), resolves entities as `relgraph build`
 * does, and then checks the properties every importer promises; a broken property calls abort() so that the fuzzer
 * reports it and the regression runner fails:
 *   - the status is RG_OK or RG_EINPUT, never anything else;
 *   - an error message is set and names the input file;
 *   - a graph read without error can be finalised, written as JSON, and read
 *     back with the same numbers of documents, nodes and edges (an importer
 *     must never produce a graph whose output is corrupt);
 *   - the DOT exporter accepts it.
 * Memory errors and leaks are for ASan/LSan to report.
 */
#ifndef RG_FUZZ_TARGET_H
#define RG_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

/* Target names: csv, json, graphml, text, html (the importers, text and html
 * through the extraction pipeline), doctext, dochtml (rg_doc_load alone;
 * available only when the document loader is built in, RG_HAVE_DOC_LOAD). */
extern const char *const rg_fuzz_targets[];

/* Returns 0 when the target exists (whatever the input), -1 when it is
 * unknown or not available in this build. */
int rg_fuzz_one(const char *target, const uint8_t *data, size_t size);

#endif
