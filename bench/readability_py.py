"""readability_py.py - the python3-readability peer of the extraction benchmark
(bash bench/extract.sh). Run with Debian's /usr/bin/python3.

Usage: /usr/bin/python3 readability_py.py OUTDIR PAGE.html... | DIR

For each page (or each .html/.htm file of DIR, in name order): reads it as
UTF-8, runs readability's `Document(html, url=url).summary()` (the article as
HTML) and turns that into text with lxml (`lxml.html.fromstring(...)
.text_content()`), and writes the text to OUTDIR/ID.txt (ID: the file name
less .html; an empty file when readability fails on the page: such a page is
counted in "failed" and named on standard error). The url is the page's "url"
in ground-truth.json beside the pages' folder when there is one, else a dummy.
Prints {"tool","pages","bytes","loop_s","extract_s","failed"} as one JSON
line on standard error: loop_s is the whole loop (read, parse, extract,
write), extract_s the sum over pages of read + parse + extract.
"""
import json
import logging
import os
import sys
import time

import lxml.html
from readability import Document


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: python3 readability_py.py OUTDIR PAGE.html... | DIR\n")
        return 2
    out_dir = argv[1]
    pages = []
    for a in argv[2:]:
        if os.path.isdir(a):
            pages += [os.path.join(a, f) for f in sorted(os.listdir(a)) if f.lower().endswith((".html", ".htm"))]
        else:
            pages.append(a)
    os.makedirs(out_dir, exist_ok=True)
    logging.disable(logging.CRITICAL)  # readability logs its failures itself

    truths = {}

    def url_of(page, ident):
        path = os.path.join(os.path.dirname(page), "..", "ground-truth.json")
        if path not in truths:
            try:
                with open(path, encoding="utf-8") as f:
                    truths[path] = json.load(f)
            except (OSError, ValueError):
                truths[path] = None
        t = truths[path]
        return (t or {}).get(ident, {}).get("url") or "https://example.com/%s.html" % ident

    n_bytes = 0
    extract = 0.0
    failed = 0
    t0 = time.perf_counter()
    for page in pages:
        ident = os.path.basename(page)
        ident = ident[: ident.rfind(".")]
        url = url_of(page, ident)
        p0 = time.perf_counter()
        with open(page, "rb") as f:
            raw = f.read()
        html = raw.decode("utf-8", "replace")
        try:
            summary = Document(html, url=url).summary()
            text = lxml.html.fromstring(summary).text_content()
        except Exception as e:  # readability.Unparseable, lxml's errors
            failed += 1
            text = ""
            sys.stderr.write("readability_py.py: %s: %s: %s\n" % (ident, type(e).__name__, str(e).split("\n")[0]))
        extract += time.perf_counter() - p0
        n_bytes += len(raw)
        with open(os.path.join(out_dir, ident + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    loop = time.perf_counter() - t0
    sys.stderr.write(
        json.dumps(
            {
                "tool": "python3-readability",
                "pages": len(pages),
                "bytes": n_bytes,
                "loop_s": loop,
                "extract_s": extract,
                "failed": failed,
            },
            separators=(",", ":"),
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
