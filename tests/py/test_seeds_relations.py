#!/usr/bin/env python3
"""The graph relgraph draws from the five seed articles (../shared, skipped
when absent) holds the relations and events an analyst reads in them."""
import json
import os
import subprocess
import sys
import tempfile

RELGRAPH = os.environ.get("RELGRAPH", "relgraph")
SEEDS = os.path.join(os.environ.get("RG_SHARED", "../shared"), "corpora", "seeds")
if not os.path.isdir(SEEDS):
    print("skipped: no seeds at", SEEDS)
    sys.exit(77)

passed = failed = 0


def check(what, cond):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "g.json")
    subprocess.run([RELGRAPH, "build", "-q", SEEDS, "-o", out], check=True)
    g = json.load(open(out, encoding="utf-8"))

nodes = {n["id"]: n for n in g["nodes"]}


def find(kind, *words):
    """Ids of nodes of a type whose label or an alias contains all words."""
    hits = []
    for n in g["nodes"]:
        if n["type"] != kind:
            continue
        names = [n["label"]] + [a["name"] for a in n.get("aliases", [])]
        if any(all(w.lower() in s.lower() for w in words) for s in names):
            hits.append(n["id"])
    return hits


def events(event_type):
    return [n for n in g["nodes"] if n["type"] == "event" and n.get("event_type") == event_type]


def participants(ev, role=None):
    return {l["source"] for l in g["links"]
            if l["target"] == ev["id"] and l["type"] == "participant_in"
            and (role is None or l.get("role") == role)}


def linked(src_ids, typ, dst_ids):
    return any(l["type"] == typ and l["source"] in src_ids and l["target"] in dst_ids
               for l in g["links"])


iiim = find("institution", "Impartial", "Mechanism")
petit = find("person", "Petit")
shibani = find("person", "Asaad")
hariri = find("person", "Hariri")
gallaghan = find("person", "Gallaghan")
caesar = find("organisation", "Caesar")
unga = find("institution", "General Assembly")
un = [i for i in find("institution", "United Nations") if nodes[i]["label"] in ("United Nations", "UN")]

# every edge cites the sentence it came from
check("every link has evidence", all(l.get("evidence") for l in g["links"]))
check("evidence text is in the document span",
      all(e["end"] > e["begin"] and e["text"] for l in g["links"] for e in l["evidence"]))

# the 2018 joint statement: one event, all 47 signatories
st = events("statement")
check("one statement event", len(st) == 1)
if st:
    sig = participants(st[0], "signatory")
    check("47 signatories (got %d)" % len(sig), len(sig) == 47)
    check("statement dated 2018-11-15", st[0].get("date") == "2018-11-15")

# the French arrest warrants target the three officers
la = events("legal_action")
targets = set().union(*(participants(e, "target") for e in la)) if la else set()
for who in ("Mamlouk", "Jamil", "Abdel Salam"):
    check("warrant targets " + who, any(i in targets for i in find("person", who)))

# the Caesar Families Association and the IIIM signed a protocol
ag = [e for e in events("agreement")
      if participants(e, "signatory") >= {caesar[0], iiim[0]}] if caesar and iiim else []
check("Caesar Families and IIIM signed an agreement", len(ag) == 1)

# the UN General Assembly established the IIIM in 2016 (two documents, one event)
est = [e for e in events("establishment")
       if set(unga) & participants(e, "founder") and set(iiim) & participants(e, "subject")]
check("UNGA established the IIIM: one event", len(est) == 1)
check("established in 2016", bool(est) and est[0].get("date", "").startswith("2016"))

# the IIIM is part of the United Nations
check("IIIM part_of UN", linked(iiim, "part_of", un))

# al-Shibani is an official of the Syrian foreign ministry
ministries = [i for i in find("institution", "Foreign") if "ministry" in nodes[i]["label"].lower()]
check("al-Shibani official_of a foreign ministry", linked(shibani, "official_of", ministries))

# the meeting in Damascus (two reports, one event) brought al-Shibani and Petit together
mt = [e for e in events("meeting") if participants(e) >= {shibani[0], petit[0]}] if shibani and petit else []
check("al-Shibani and Petit met: one meeting event", len(mt) == 1)
check("that meeting is dated 2025-04-16", bool(mt) and mt[0].get("date") == "2025-04-16")
check("al-Shibani communicated_with Petit",
      linked(shibani, "communicated_with", petit) or linked(petit, "communicated_with", shibani))

# Nasr al-Hariri received the Canadian envoy, Gregory Gallaghan
mt = [e for e in events("meeting") if participants(e) >= {hariri[0], gallaghan[0]}] if hariri and gallaghan else []
check("al-Hariri hosted Gallaghan", bool(mt) and hariri[0] in participants(mt[0], "host"))
check("Gallaghan represents Canada", linked(gallaghan, "represents", find("place", "Canada")))

# "the head of the UN Mechanism, Robert Petit": the UN Mechanism is the IIIM
check("Petit head_of the IIIM", linked(petit, "head_of", iiim))
check("no separate UN Mechanism node",
      not [i for i in find("institution", "UN Mechanism") if i not in iiim])

# "the head of the Syrian coalition, Nasr al-Hariri": once "Syrian coalition" is
# an organisation mention it must resolve to the Syrian National Coalition
snc = find("organisation", "Syrian National Coalition")
check("one Syrian National Coalition node", len(snc) == 1)
if any(a["name"].lower().endswith("syrian coalition") and a["name"][-9] == "c"
       for i in snc for a in nodes[i].get("aliases", [])):
    check("al-Hariri head_of the Syrian National Coalition", linked(hariri, "head_of", snc))

# the French prosecutor issued the arrest warrants: France is the issuer
issuers = set().union(*(participants(e, "issuer") for e in la)) if la else set()
check("France issued the arrest warrants", bool(set(find("place", "France")) & issuers))

# "Syrian Ministry of Foreign Affairs" and "Ministry of Foreign Affairs and
# Expatriates of the Syrian Arab Republic" are one ministry; Canada's is another
syr_min = [i for i in ministries if "canad" not in nodes[i]["label"].lower()]
check("one Syrian foreign ministry (got %d)" % len(syr_min), len(syr_min) == 1)
check("Canada's foreign ministry stays apart", any("canad" in nodes[i]["label"].lower() for i in ministries))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
