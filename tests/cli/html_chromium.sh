#!/usr/bin/env bash
# The HTML export in Debian's headless Chromium, with every network request
# refused: the page loads without console messages or errors, draws every
# node (data-rendered, set by the viewer once cytoscape has laid them out),
# and a deep link opens a node's aliases, scores and evidence.
set -u
: "${RELGRAPH:?}"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
    echo "skipped: chromium not installed (scripts/install-deps.sh installs it)"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() { if eval "$1"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi; }

# 60 nodes, edges with evidence, a label that tries to close the script tag.
/usr/bin/python3 - "$T/g.json" <<'PY'
import json, sys
types = ["person", "organisation", "institution", "place", "event"]
nodes = [{"id": f"{types[i % 5]}:n{i:02d}", "type": types[i % 5],
          "label": "Mallory </script><script>alert(1)</script>" if i == 7 else f"Actor {i:02d}",
          "aliases": [{"name": f"Actor {i:02d}", "count": 2}, {"name": f"Alias-{i:02d}", "count": 1}],
          "mentions": 2, "documents": ["doc1"], "pagerank": str(round(1 / (i + 1), 4)),
          "community": str(i % 3)} for i in range(60)]
links = [{"source": nodes[i]["id"], "target": nodes[(i * 7 + 3) % 60]["id"], "type": "member_of",
          "weight": 1, "evidence": [{"doc": "doc1", "begin": i, "end": i + 5,
                                     "text": f"Sentence {i} says so & more <b>."}]}
         for i in range(60) if (i * 7 + 3) % 60 != i]
json.dump({"directed": True, "multigraph": True,
           "graph": {"documents": [{"id": "doc1", "path": "doc1.txt"}]},
           "nodes": nodes, "links": links}, open(sys.argv[1], "w"))
PY
check '"$RELGRAPH" export "$T/g.json" --to html -o "$T/page.html" --size-by pagerank --title "Test & <page>"'
# self-contained: no external scripts, styles or images
check '! grep -Eiq "<(script|link|img)[^>]+(src|href)=" "$T/page.html"'
check 'grep -q "<title>Test &amp; &lt;page&gt;</title>" "$T/page.html"'

run() { # URL OUT ERR
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$(mktemp -d -p "$T")" \
        --enable-logging=stderr --v=0 --virtual-time-budget=8000 --window-size=1200,800 \
        --dump-dom "$1" >"$2" 2>"$3"
}
run "file://$T/page.html" "$T/dom.html" "$T/log"
check '[ -s "$T/dom.html" ]'
check 'grep -q "<body data-rendered=\"60\"" "$T/dom.html"'
check '! grep -q "<body[^>]*data-errors" "$T/dom.html"'
check '! grep -q "CONSOLE" "$T/log"' || grep CONSOLE "$T/log" >&2
check '! grep -q "<script>alert" "$T/dom.html"' # the hostile label stayed text
check 'grep -q "60 nodes, 60 links" "$T/dom.html"'

run "file://$T/page.html#node=place:n03" "$T/node.html" "$T/log2"
check 'grep -q "<h2>Actor 03</h2>" "$T/node.html"'
check 'grep -q "<li>Alias-03</li>" "$T/node.html"'          # aliases
check 'grep -q "<td>pagerank</td><td>0.25</td>" "$T/node.html"' # scores
check 'grep -q "Sentence 3 says so &amp; more &lt;b&gt;." "$T/node.html"' # evidence
check '! grep -q "CONSOLE" "$T/log2"'

run "file://$T/page.html#search=alias-4" "$T/search.html" "$T/log3"
check 'grep -q "<div id=\"hits\">10 matches</div>" "$T/search.html"' # Alias-40 .. Alias-49

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
