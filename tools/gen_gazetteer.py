#!/usr/bin/python3
"""tools/gen_gazetteer.py - regenerates the entity stage's word tables from Debian data.

    python3 tools/gen_gazetteer.py           rewrite both tables
    python3 tools/gen_gazetteer.py --check   exit 1 when a committed table is stale

Writes two headers, committed beside the code that includes them (CI never runs this):

  src/extract/lexicon_table.h    lower-case English words with classes: common word (SCOWL size 35),
                                 noun/verb/adjective/adverb (WordNet 3.0), and the hand-written
                                 classes of data/{titles,org_words,group_nouns,function_words,place_words}.txt
  src/extract/gazetteer_table.h  proper names, exact case: countries (iso-codes ISO 3166-1 with
                                 WordNet's everyday names), demonyms (WordNet pertainyms and
                                 data/demonyms.txt), regions (ISO 3166-2 and WordNet location
                                 instances), cities (libgeonames, the GeoNames cities15000 dump),
                                 first names (miscfiles propernames, WordNet person instances) and
                                 data/acronyms.txt

Needs the Debian packages iso-codes, wordnet-base, scowl, miscfiles and libgeonames0. Each table
is a string pool of keys sorted byte-wise and an array of their classes; src/extract/entities_lex.c
builds a hash index over the pool at first use. The sort order lets a test check the table and keeps
the output stable.
"""
import ctypes
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "data")
WN = "/usr/share/wordnet/"
SCOWL = "/usr/share/dict/scowl/"
ISO = "/usr/share/iso-codes/json/"

# Lexicon classes (bit values shared with src/extract/entities.h).
LEX_BITS = ["common", "noun", "verb", "adj", "adv", "plural", "det", "quant", "stop", "conn",
            "speech", "month", "honorific", "role", "rolemod", "org", "media", "placekind",
            "compass", "group"]
# Gazetteer classes.
GZ_BITS = ["country", "region", "city", "first", "demonym", "acronym", "org", "adj"]


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, line


def scowl_words(levels, kinds=("english", "american", "british")):
    out = set()
    for lv in levels:
        for k in kinds:
            p = "%s%s-words.%d" % (SCOWL, k, lv)
            if os.path.exists(p):
                with open(p, encoding="utf-8", errors="replace") as f:
                    out.update(w.strip() for w in f)
    return {w for w in out if w and "'" not in w}


# ---- WordNet ---------------------------------------------------------------

def wn_index(pos):
    words = set()
    with open(WN + "index." + pos, encoding="latin1") as f:
        for line in f:
            if not line.startswith(" "):
                words.add(line.split(" ", 1)[0])
    return words


def wn_exc(pos):
    m = {}
    with open(WN + pos + ".exc", encoding="latin1") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2:
                m.setdefault(p[0], p[1])
    return m


def wn_data(pos):
    """offset -> (lexfile, [lemmas], [(symbol, offset, pos, source/target)])"""
    syn = {}
    with open(WN + "data." + pos, encoding="latin1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fl = line.split(" ")
            nw = int(fl[3], 16)
            words = [re.sub(r"\(.*\)$", "", fl[4 + 2 * i]) for i in range(nw)]
            p = 4 + 2 * nw
            ptrs = [tuple(fl[p + 1 + 4 * i:p + 5 + 4 * i]) for i in range(int(fl[p]))]
            syn[fl[0]] = (fl[1], words, ptrs)
    return syn


def pos_flags(w, idx, exc):
    """WordNet classes of an inflected word, with WordNet's own detachment rules (morphy)."""
    fl = set()
    nouns, verbs, adjs, advs = idx
    if w in nouns:
        fl.add("noun")
    base = exc["noun"].get(w)
    if base is None:
        for suf, rep in (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
                         ("men", "man"), ("ies", "y"), ("s", "")):
            if w.endswith(suf) and w[:-len(suf)] + rep in nouns:
                base = w[:-len(suf)] + rep
                break
    if base is not None and base != w:
        fl.update(("noun", "plural"))
    if w in verbs or w in exc["verb"]:
        fl.add("verb")
    else:
        for suf, rep in (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
                         ("ing", "e"), ("ing", "")):
            if w.endswith(suf) and len(w) > len(suf) + 1 and w[:-len(suf)] + rep in verbs:
                fl.add("verb")
                break
    if w in adjs or w in exc["adj"]:
        fl.add("adj")
    if w in advs:
        fl.add("adv")
    return fl


# ---- the lexicon -------------------------------------------------------------

def build_lexicon():
    common = {w for w in scowl_words((10, 20, 35)) if re.fullmatch(r"[a-z][a-z-]*", w)}
    idx = (wn_index("noun"), wn_index("verb"), wn_index("adj"), wn_index("adv"))
    exc = {"noun": wn_exc("noun"), "verb": wn_exc("verb"), "adj": wn_exc("adj")}
    lex = {}
    for w in common:
        lex[w] = {"common"} | pos_flags(w, idx, exc)
    groups = []

    def add(word, cls, path, n):
        if word != word.lower() or " " in word:
            sys.exit("%s:%d: keys are single lower-case words: %r" % (path, n, word))
        lex.setdefault(word, pos_flags(word, idx, exc)).add(cls)

    for name, classes in (("titles.txt", {"honorific", "role", "rolemod"}),
                          ("org_words.txt", {"org", "media"}),
                          ("function_words.txt", {"det", "quant", "stop", "conn", "speech", "month"}),
                          ("place_words.txt", {"placekind", "compass"})):
        path = os.path.join(DATA, name)
        for n, line in read_lines(path):
            f = line.split()
            if len(f) != 2 or f[1] not in classes:
                sys.exit("%s:%d: expected WORD CLASS (%s)" % (path, n, "|".join(sorted(classes))))
            add(f[0], f[1], path, n)
    path = os.path.join(DATA, "group_nouns.txt")
    for n, line in read_lines(path):
        f = line.split()
        if len(f) != 3 or f[2] not in ("plain", "needmod", "side", "actormod"):
            sys.exit("%s:%d: expected SINGULAR PLURAL plain|needmod|side|actormod" % (path, n))
        lemma = f[0] if f[0] != "-" else f[1]
        for form, plural in ((f[0], False), (f[1], True)):
            if form == "-":
                continue
            add(form, "group", path, n)
            # 2: a collective without a singular ("police"): plural in number, but like a
            # singular it may modify the next noun ("police station")
            groups.append((form, lemma, f[2], 2 if f[0] == "-" else int(plural)))
    return lex, sorted(groups)


# ---- the gazetteer -------------------------------------------------------------

def unparen(names):
    """ "Holy See (Vatican City State)" -> "Holy See", "Vatican City State"."""
    out = []
    for n in names:
        m = re.fullmatch(r"(.*?) \((.*)\)", n)
        out += [m.group(1), m.group(2)] if m else [n]
    return out


def country_table(common_lower):
    """Canonical country names (WordNet's everyday name where WordNet has the country) and every
    variant: name -> canonical."""
    iso = json.load(open(ISO + "iso_3166-1.json", encoding="utf-8"))["3166-1"]
    nouns = wn_data("noun")
    lemma_syn = {}
    for off, (lexfile, words, ptrs) in nouns.items():
        if lexfile == "15":  # noun.location
            for w in words:
                lemma_syn.setdefault(w.replace("_", " "), []).append(off)
    canon, variants, syn_country = [], {}, {}
    overrides = {}
    path = os.path.join(DATA, "countries.txt")
    for n, line in read_lines(path):
        f = line.split("\t")
        if len(f) < 2 or not re.fullmatch(r"[A-Z]{2}", f[0]):
            sys.exit("%s:%d: expected CODE<TAB>NAME[<TAB>VARIANT...]" % (path, n))
        overrides[f[0]] = f[1:]
    for c in iso:
        names = [c.get("common_name"), c["name"], c.get("official_name")]
        names = [n for n in names if n]
        extra = []
        for n in names:
            if ", " in n and n.endswith(" of"):  # "Korea, Republic of" -> "Republic of Korea"
                a, b = n.split(", ", 1)
                extra.append(b + " " + a)
        names += extra
        over = overrides.get(c["alpha_2"])
        if over:
            names = over + names
        names = unparen(names)
        # The synset that has one of these names nearest its head ("Egypt" heads the country's
        # synset, not the ancient empire's, where it comes second), then the one that shares most.
        best = None
        for rank, n in enumerate(names):
            for off in lemma_syn.get(n, []):
                lemmas = [w.replace("_", " ") for w in nouns[off][1]]
                score = (lemmas.index(n), -len(set(lemmas) & set(names)), rank)
                if best is None or score < best[0]:
                    best = (score, off)
        syn = best[1] if best else None
        if syn:
            wn_names = [w.replace("_", " ") for w in nouns[syn][1]]
            name = over[0] if over else wn_names[0]
            names = wn_names + names
            syn_country[syn] = name
        else:
            short = [n.split(", ", 1)[0] for n in names if ", " in n]
            name = over[0] if over else c.get("common_name") or (short[0] if short else c["name"])
            names.append(name)
        if name in canon:
            continue
        canon.append(name)
        for n in names:
            # A variant that is a common word ("Man" for the Isle of Man) would match too much.
            if re.fullmatch(r"[A-Z][\w.' -]*", n) and (n == name or n.lower() not in common_lower):
                variants.setdefault(n, name)
    return sorted(canon), variants, syn_country, nouns


def demonyms(syn_country, variants, nouns, canon):
    adjs = wn_data("adj")
    out = {}
    for off, (lexfile, words, ptrs) in adjs.items():
        for sym, o, ps, st in ptrs:
            if sym != "\\" or ps != "n":
                continue
            # The adjective pertains to a country's synset, or to a synset that shares a name with
            # one ("Australian" -> the continent "Australia").
            country = syn_country.get(o)
            for w in nouns[o][1]:
                country = country or variants.get(w.replace("_", " "))
            if not country:
                continue
            src = int(st[:2], 16)
            for wi, w in enumerate(words):
                if w[:1].isupper() and (src == 0 or src == wi + 1):
                    out.setdefault(w.replace("_", " "), country)
    path = os.path.join(DATA, "demonyms.txt")
    for n, line in read_lines(path):
        f = line.split("\t")
        if len(f) != 2 or f[1] not in canon:
            sys.exit("%s:%d: expected DEMONYM<TAB>COUNTRY with a country of the table" % (path, n))
        out[f[0]] = f[1]
    return out


def capitalised_adjectives(nouns):
    """Adjectives WordNet writes with a capital ("Kurdish", "Sunni", "Western"), and capitalised
    nouns for kinds of people and beliefs ("Muslim", "Arabs", "Islam"): modifiers and common
    nouns, not names of one actor."""
    out = set()
    for off, (lexfile, words, ptrs) in wn_data("adj").items():
        for w in words:
            if re.fullmatch(r"[A-Z][a-z][\w'-]+", w):
                out.add(w)
    for off, (lexfile, words, ptrs) in nouns.items():
        # noun.person, noun.group, noun.cognition (beliefs), not instances (one person, one place)
        if lexfile in ("18", "14", "09") and not any(p[0] == "@i" for p in ptrs):
            for w in words:
                if re.fullmatch(r"[A-Z][a-z]+", w):
                    out.add(w)
                    if lexfile == "18":
                        out.add(w + "s")
    return out


def location_instances(nouns):
    """Capitalised names of WordNet location instances (cities, regions, seas, mountains)."""
    out = set()
    for off, (lexfile, words, ptrs) in nouns.items():
        if lexfile == "15" and any(p[0] == "@i" for p in ptrs):
            for w in words:
                w = w.replace("_", " ")
                if re.fullmatch(r"[A-Z][\w'.-]*( [A-Z][\w'.-]*)*", w):
                    out.add(w)
    return out


def cities():
    lib = ctypes.CDLL("libgeonames.so.0")
    lib.geonames_get_city.restype = ctypes.c_void_p
    lib.geonames_get_city.argtypes = [ctypes.c_int]
    lib.geonames_city_get_name.restype = ctypes.c_char_p
    lib.geonames_city_get_name.argtypes = [ctypes.c_void_p]
    lib.geonames_city_get_population.argtypes = [ctypes.c_void_p]
    lib.geonames_city_free.argtypes = [ctypes.c_void_p]
    out = {}
    for i in range(lib.geonames_get_n_cities()):
        c = lib.geonames_get_city(i)
        name = lib.geonames_city_get_name(c).decode("utf-8")
        out[name] = max(out.get(name, 0), lib.geonames_city_get_population(c))
        lib.geonames_city_free(c)
    return out


def first_names(nouns, common_lower, lex):
    names = set()
    with gzip.open("/usr/share/dict/propernames.gz", "rt", encoding="utf-8") as f:
        names.update(w.strip() for w in f)
    for off, (lexfile, words, ptrs) in nouns.items():
        if lexfile == "18" and any(p[0] == "@i" for p in ptrs):
            for w in words:
                parts = w.split("_")
                if len(parts) >= 2 and re.fullmatch(r"[A-Z][a-z]+", parts[0]) and \
                        re.fullmatch(r"[A-Z][a-z'-]+", parts[-1]):
                    names.add(parts[0])
    # A first name that is also a common word or a title ("Grim", "Sir") is no evidence of a person.
    return {n for n in names if re.fullmatch(r"[A-Z][a-z]+", n) and n.lower() not in common_lower
            and not (lex.get(n.lower(), set()) & {"honorific", "role", "rolemod", "month"})}


def build_gazetteer(lex):
    common_lower = {w for w in scowl_words((10, 20, 35, 40, 50)) if w.islower()}
    canon, variants, syn_country, nouns = country_table(common_lower)
    cidx = {c: i for i, c in enumerate(canon)}
    gz = {}

    def add(key, cls, aux=0):
        key = key.replace("\u2019", "'")
        e = gz.setdefault(key, [set(), 0])
        e[0].add(cls)
        if aux:
            e[1] = aux

    for v, c in variants.items():
        add(v, "country", cidx[c] + 1)
    for d, c in demonyms(syn_country, variants, nouns, canon).items():
        add(d, "demonym", cidx[c] + 1)
    for a in capitalised_adjectives(nouns):
        add(a, "adj")
    iso2 = json.load(open(ISO + "iso_3166-2.json", encoding="utf-8"))["3166-2"]
    for s in iso2:
        n = s["name"]
        if n.lower() not in common_lower and len(n) > 2:
            add(n, "region")
    for n in location_instances(nouns):
        if n.lower() not in common_lower and len(n) > 2 and n not in gz:
            add(n, "region")
    for n, pop in cities().items():
        # A city named like a common word ("Nice", "Split", "Of") is a place only when large.
        if len(n) > 2 and (n.lower() not in common_lower or pop >= 2000000):
            add(n, "city")
    for n in first_names(nouns, common_lower, lex):
        add(n, "first")
    expansions = []
    path = os.path.join(DATA, "acronyms.txt")
    for n, line in read_lines(path):
        f = line.split("\t")
        if len(f) != 3 or f[1] not in ("org", "place") or not re.fullmatch(r"[A-Z]{2,8}", f[0]):
            sys.exit("%s:%d: expected ACRONYM<TAB>org|place<TAB>EXPANSION" % (path, n))
        if f[1] == "place" and f[2] not in cidx:
            sys.exit("%s:%d: %s is not a country of the table" % (path, n, f[2]))
        expansions.append(f[2])
        add(f[0], "acronym", len(expansions))
        add(f[0], "org" if f[1] == "org" else "country")
        if f[1] == "org":
            add(f[2], "org")
    return gz, canon, expansions


# ---- output -------------------------------------------------------------------

def c_string_lines(keys):
    """The keys as one string pool, NUL-separated ("\\000": a digit may follow), in C string
    literals of moderate width."""
    out, line = [], ""
    for k in keys:
        s = "".join(chr(c) if 32 <= c < 127 and c not in (34, 92, 63) else "\\%03o" % c for c in k)
        line += s + "\\000"
        if len(line) > 100:
            out.append('  "%s"' % line)
            line = ""
    if line:
        out.append('  "%s"' % line)
    return out


def c_array(ctype, name, values, per_line=24):
    rows = ["static const %s %s[%d] = {" % (ctype, name, len(values))]
    for i in range(0, len(values), per_line):
        rows.append("  " + ",".join(str(v) for v in values[i:i + per_line]) + ",")
    rows.append("};")
    return rows


def table(prefix, keys, cls_values, cls_type):
    """Sorted keys in one pool and their classes; the reader builds offsets and a hash at first use."""
    bkeys = [k.encode("utf-8") for k in keys]
    if len(keys) >= 65535:
        sys.exit("too many keys for 16-bit hash slots")
    rows = ["#define %s_COUNT %d" % (prefix.upper(), len(keys)),
            "#define %s_POOL_SIZE %d" % (prefix.upper(), sum(len(b) + 1 for b in bkeys)),
            "static const char %s_pool[] =" % prefix]
    rows += c_string_lines(bkeys)
    rows[-1] += ";"
    rows += c_array(cls_type, prefix + "_cls", cls_values)
    return rows


def versions():
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}, ",
                          "iso-codes", "wordnet-base", "scowl", "miscfiles", "libgeonames0"],
                         capture_output=True, text=True, check=True).stdout
    return out.rstrip(", ")


def bits(flags, names):
    v = 0
    for f in flags:
        v |= 1 << names.index(f)
    return v


def head(name, what):
    return ["/* %s - generated by tools/gen_gazetteer.py from %s; do not edit." % (name, what),
            " * Sources: %s. */" % versions(),
            "/* clang-format off */",
            "#pragma GCC diagnostic push",
            "#pragma GCC diagnostic ignored \"-Woverlength-strings\""]


def render_lexicon(lex, groups):
    keys = sorted(lex, key=lambda k: k.encode("utf-8"))
    rows = head("lexicon_table.h", "SCOWL size 35 words, WordNet 3.0 and data/{titles,org_words,"
                "group_nouns,function_words,place_words}.txt")
    rows += table("px_lex", keys, [bits(lex[k], LEX_BITS) for k in keys], "uint32_t")
    rows.append("/* Group nouns (data/group_nouns.txt): form, lemma, class, plural; sorted by form. */")
    rows.append("static const px_group_noun px_group_nouns[%d] = {" % len(groups))
    for form, lemma, cls, plural in groups:
        rows.append('  {"%s", "%s", PX_GN_%s, %d},' % (form, lemma, cls.upper(), plural))
    rows.append("};")
    rows.append("#pragma GCC diagnostic pop")
    return "\n".join(rows) + "\n"


def render_gazetteer(gz, canon, expansions):
    keys = sorted(gz, key=lambda k: k.encode("utf-8"))
    rows = head("gazetteer_table.h", "iso-codes, WordNet 3.0, libgeonames, miscfiles propernames and "
                "data/{demonyms,acronyms}.txt")
    rows += table("px_gz", keys, [bits(gz[k][0], GZ_BITS) for k in keys], "uint8_t")
    aux = [(i, gz[k][1]) for i, k in enumerate(keys) if gz[k][1]]
    rows.append("/* Keys with a country or an expansion: {key index, 1 + index below}, by key index. */")
    rows.append("static const px_gz_link px_gz_links[%d] = {" % len(aux))
    for i in range(0, len(aux), 8):
        rows.append("  " + " ".join("{%d, %d}," % a for a in aux[i:i + 8]))
    rows.append("};")
    rows.append("static const char *const px_gz_countries[%d] = {" % len(canon))
    rows += ['  "%s",' % c.replace('"', '\\"') for c in canon]
    rows.append("};")
    rows.append("/* px_gz_aux of an acronym: 1 + index here. */")
    rows.append("static const char *const px_gz_expansions[%d] = {" % len(expansions))
    rows += ['  "%s",' % e for e in expansions]
    rows.append("};")
    rows.append("#pragma GCC diagnostic pop")
    return "\n".join(rows) + "\n"


def main():
    lex, groups = build_lexicon()
    gz, canon, expansions = build_gazetteer(lex)
    outs = {"src/extract/lexicon_table.h": render_lexicon(lex, groups),
            "src/extract/gazetteer_table.h": render_gazetteer(gz, canon, expansions)}
    stale = False
    for rel, text in outs.items():
        path = os.path.join(ROOT, rel)
        if "--check" in sys.argv:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if old != text:
                print("%s is stale: run python3 tools/gen_gazetteer.py" % rel, file=sys.stderr)
                stale = True
            continue
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=os.path.dirname(path),
                                         delete=False) as t:
            t.write(text)
        os.replace(t.name, path)
        print("wrote %s (%d bytes)" % (rel, len(text)))
    sys.exit(1 if stale else 0)


if __name__ == "__main__":
    main()
