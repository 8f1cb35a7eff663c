#!/usr/bin/env python3
"""Writes the benchmark's scale corpus (never committed): every list of ../shared/corpora concatenated under
its own `#` heading, repeated COPIES times, each copy's link hosts made distinct (`https://c7.host/…`) since
entries merge by URL.

Usage: make_corpus.py CORPORA_DIR COPIES OUT.md
The mojibake copy of the seed list is left out: a file that mixes repaired and clean text is (rightly) not
repaired as a whole, and it holds the same entries as the clean seed anyway.
"""
import os
import re
import sys

corpora, copies, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
names = sorted(n for n in os.listdir(corpora) if n.endswith(".md") and n != "README.md" and "mojibake" not in n)
texts = [(n, open(os.path.join(corpora, n), encoding="utf-8").read()) for n in names]
scheme = re.compile(r"(https?://)")
with open(out_path, "w", encoding="utf-8") as out:
    for k in range(copies):
        for name, text in texts:
            out.write(f"\n# Copy {k} of {name}\n\n")
            out.write(scheme.sub(lambda m: f"{m.group(1)}c{k}.", text) if k else text)
            out.write("\n")
