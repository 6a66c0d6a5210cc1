#!/usr/bin/env python3
"""The seed articles (../shared/corpora/seeds): every actor and place a
careful analyst would draw is found and correctly typed, and nothing is
taken from page boilerplate. The expectations are written here by hand from
reading the articles; the texts themselves are read from RG_SHARED (the test
is skipped when it is absent)."""
import json
import os
import subprocess
import sys

RELGRAPH = os.environ.get("RELGRAPH", "relgraph")
SHARED = os.environ.get("RG_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
SEEDS = os.path.join(SHARED, "corpora", "seeds")

SIGNATORIES = [
    "AlKawakibi Organisation for Human Rights",
    "Aso Organisation for Combating Violence Against Women",
    "Association of Detainees and the Missing in Sednaya Prison",
    "Badael", "Basamat for Development", "Baytna Syria", "Caesar Fmilies Association",
    "Center for Civil Society and democracy", "Dawlaty", "Democratic Republic Studies Center",
    "Fraternity Foundation for Human Rights-Birati",
    "Freie Deutsch Syrische Gesellschaft e.V in Hamburg", "Gulf Center for Human Rights",
    "Human Help Community", "Human Rights Organization in Syria", "Hurras Network",
    "Kawakbi Center for Transitional Justice and Human Rights", "Kesh Malek",
    "Kurdish Committee for Human Rights/Observer", "Local Development and Small Projects Support",
    "Mena Rights Group", "Mouwatana for Civil Action", "Musawat", "Peace and Civil Society Center",
    "PÊL- Civil Waves", "Pro Justice", "Rethink Rebuild Society", "Save the Rest Campaign",
    "Shaml Coalition", "Syrian Activists for Monitoring", "Syrian Archive",
    "Syrian Center for Media and Freedom of Expression", "Syrian Center for Statistics and Research",
    "Syrian Civil Defense – White Helmets", "Syrian Feminist Lobby", "Syrian Forum",
    "Syrian League for Citizenship", "Syrian Legal Development Programme",
    "Syrian Legal Network -NL", "Syrian Network for Human Rights",
    "Syrian Observatory for Human Rights", "Syrians for Truth and Justice",
    "Syrian Women’s Network", "The Day After", "Urnammu", "Violations Documentation Center",
    "Women Now",
]

# (document prefix, surface text, type): at least one mention with exactly this
# text (or "the " + text for organisations and institutions) and this type.
EXPECTED = [
    ("000", "Robert Petit", "person"), ("000", "Asaad al-Shibani", "person"),
    ("000", "Bashar al-Assad", "person"), ("000", "IIIM", "institution"),
    ("000", "Syrian Ministry of Foreign Affairs", "institution"),
    ("000", "United Nations", "institution"), ("000", "Damascus", "place"),
    ("000", "Syria", "place"),
    ("001", "Robert Petit", "person"), ("001", "ASG Petit", "person"),
    ("001", "Asaad Al Shaibani", "person"), ("001", "IIIM", "institution"),
    ("001", "UN General Assembly", "institution"),
    ("001", "Syrian Ministry of Foreign Affairs", "institution"), ("001", "Damascus", "place"),
    ("002", "Ali Mamlouk", "person"), ("002", "Jamil Al Hassan", "person"),
    ("002", "Abdel Salam Mahmoud", "person"),
    ("002", "Syrian National Security Bureau", "institution"),
    ("002", "Air Intelligence Branch", "institution"),
    ("002", "Air Force Intelligence Interrogative Branch", "institution"),
    ("002", "France", "place"), ("002", "Germany", "place"), ("002", "Geneva", "place"),
    ("002", "Syria", "place"),
    ("003", "Syrian National Coalition", "organisation"), ("003", "Yasser Al-Farhan", "person"),
    ("003", "Nasr al-Hariri", "person"), ("003", "Gregory Gallaghan", "person"),
    ("003", "Canada", "place"), ("003", "Netherlands", "place"),
    ("003", "Canadian Foreign Ministry", "institution"),
    ("003", "United Nations Human Rights Council", "institution"),
    ("003", "International Court of Justice", "institution"),
    ("003", "International Criminal Court", "institution"),
    ("003", "Assad regime", "organisation"),
    ("004", "Association of Caesar Families", "organisation"),
    ("004", "Caesar Families Association", "organisation"),
    ("004", "International, Impartial and Independent Mechanism", "institution"),
    ("004", "UN General Assembly", "institution"), ("004", "Syria", "place"),
]

# Entities that must resolve to one node within their document.
SAME = [
    ("000", "Asaad al-Shibani", "Minister al-Shibani"), ("001", "Robert Petit", "ASG Petit"),
    ("000", "IIIM", "International, Impartial and Independent Mechanism"),
    ("004", "Association of Caesar Families", "Caesar Families Association"),
]

BOILERPLATE = ["Home Press releases", "by wael.m", "235 views", "Font Size", "Related Publications",
               "Leave a Comment", "By using this form", "This website uses cookies",
               "Your email address", "translated and edited by", "For media inquiries"]


def main():
    if not os.path.isdir(SEEDS):
        print("skipped: %s not found" % SEEDS)
        return 77
    files = sorted(os.path.join(SEEDS, f) for f in os.listdir(SEEDS) if f.endswith(".txt"))
    out = subprocess.run([RELGRAPH, "mentions"] + files, capture_output=True, text=True, check=True)
    ments = [json.loads(l) for l in out.stdout.splitlines()]
    ments = [m for m in ments if m.get("kind", "entity") == "entity"]  # relation lines follow
    texts = {os.path.splitext(os.path.basename(f))[0]: open(f, encoding="utf-8").read() for f in files}
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what, file=sys.stderr)

    def found(prefix, text, typ):
        for m in ments:
            if m["doc"].startswith(prefix) and m["type"] == typ and \
                    m["text"] in (text, "the " + text, "The " + text):
                return m
        return None

    for name in SIGNATORIES:
        check(found("002", name, "organisation") is not None, "signatory %r" % name)
    for prefix, text, typ in EXPECTED:
        check(found(prefix, text, typ) is not None, "%s: %r as %s" % (prefix, text, typ))
    for prefix, a, b in SAME:
        ma = [m for m in ments if m["doc"].startswith(prefix) and m["text"] in (a, "the " + a)]
        mb = [m for m in ments if m["doc"].startswith(prefix) and m["text"] in (b, "the " + b)]
        check(ma and mb and ma[0].get("entity") == mb[0].get("entity"), "%s: %r = %r" % (prefix, a, b))
    # no mention on a boilerplate line; no pronoun (except coreference mentions,
    # flagged "pronoun"), month or lone demonym as a name
    for m in ments:
        raw = texts[m["doc"]].encode("utf-8")
        line_start = raw.rfind(b"\n", 0, m["begin"]) + 1
        line_end = raw.find(b"\n", m["end"])
        line = raw[line_start:line_end if line_end >= 0 else len(raw)].decode("utf-8")
        check(not any(b in line for b in BOILERPLATE), "boilerplate mention %r in %r" % (m["text"], line[:60]))
        # pronoun and nominal mentions ("we", "Syrians") are flagged and name no entity
        if m["type"] != "date" and not m.get("pronoun") and not m.get("nominal"):
            check(m["text"] not in ("He", "It", "They", "We", "March", "December", "Syrian", "Syrians"),
                  "not an entity: %r" % m["text"])
    # every signatory is its own organisation node (47 distinct ids)
    ids = {m["entity"] for m in ments if m["doc"].startswith("002") and m["type"] == "organisation"
           and m["text"] in SIGNATORIES}
    check(len(ids) == len(SIGNATORIES), "47 distinct signatory nodes (got %d)" % len(ids))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
