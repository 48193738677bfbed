/* entities_keys.c - the keys on which story entities are compared (see
 * entities_merge.c for the rules that use them).
 *
 * A name's key is casefolded with diacritics stripped (utf8proc), then split
 * into words at anything but letters and digits: leading honorifics and
 * titles are dropped ("President", "Dr", "Sheikh"), and so are Arabic-style
 * article particles when hyphened or free-standing ("al-", "el-", "ash-",
 * "ad-" ...), so "Jaish al-Fateh", "Jaish el Fateh" and "Jaish Fateh" agree.
 * The consonant skeleton keeps a word's first letter and its consonants
 * without repeats (q as k, ph as f), so transliterations meet: "fateh",
 * "fatah", "fath" -> "fth"; "mohammed", "muhammad" -> "mhmd". */
#include "compare/entities_keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static bool isalnum_ascii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool in_list(const char *w, size_t n, const char *const *list) {
  for (; *list; list++)
    if (strlen(*list) == n && memcmp(*list, w, n) == 0) return true;
  return false;
}

/* Titles dropped before a name: they vary between sources, the name does not. */
static const char *const honorifics[] = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "gen", "general", "col", "colonel", "lt",
    "maj", "major", "capt", "captain", "sgt", "sergeant", "minister", "sheikh", "sheik", "shaikh", "imam", "sir",
    "dame", "lord", "lady", "king", "queen", "prince", "princess", "sen", "senator", "rep", "gov", "governor",
    "mayor", "judge", "justice", "rev", "reverend", "cmdr", "commander", "brig", "brigadier", "adm", "admiral",
    "chancellor", "premier", "envoy", "mullah", "emir", "the", NULL};
/* Article particles of Arabic-style names, dropped when hyphened or free-standing before a word. */
static const char *const particles[] = {"al", "el", "ash", "as", "ad", "ar", "at", "an", "az", "ath", "adh",
                                        "ul", "ud", "es", "ed", "er", "et", "ez", NULL};
static const char *const acr_skip[] = {"of", "the", "and", "for", "in", "on", "de", "du", "la", "le", NULL};
static const char *const determiners[] = {"the", "a", "an", "some", "several", "many", "most", "other", "these",
                                          "those", "their", "its", "his", "her", "our", "all", "both", NULL};

/* Consonant skeleton of one word: first letter kept (a vowel as 'a'),
 * then consonants without repeats, q as k, ph as f. */
static size_t skeleton(const char *w, size_t n, char *out, size_t cap) {
  size_t o = 0;
  char prev = 0;
  for (size_t i = 0; i < n && o + 1 < cap; i++) {
    char c = w[i];
    bool vowel = strchr("aeiouy", c) != NULL;
    if (c == 'q') c = 'k';
    if (c == 'p' && i + 1 < n && w[i + 1] == 'h') c = 'f', i++;
    if (i == 0 && vowel) c = 'a';
    else if (vowel) { prev = 0; continue; }
    if (c == prev) continue;
    out[o++] = c;
    prev = c;
  }
  out[o] = 0;
  return o;
}

/* Fills n->key and the derived keys from `name`. */
void px_ekey_name(px_enode *nd, const char *name) {
  utf8proc_uint8_t *f = NULL;
  utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)name, 0, &f,
                                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                         UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  const char *t = fl >= 0 && f ? (const char *)f : name;
  size_t len = fl >= 0 && f ? (size_t)fl : strlen(name);
  size_t k = 0, sk = 0, words = 0, acr = 0;
  bool lead = true;
  nd->key[0] = nd->skel[0] = nd->last[0] = nd->first[0] = nd->acr[0] = 0;
  for (size_t i = 0; i < len;) {
    while (i < len && (unsigned char)t[i] < 0x80 && !isalnum_ascii(t[i])) i++;
    size_t b = i;
    while (i < len && ((unsigned char)t[i] >= 0x80 || isalnum_ascii(t[i]))) i++;
    if (i == b) break;
    size_t wl = i - b;
    bool more = i < len;
    if (lead && more && in_list(t + b, wl, honorifics)) continue;
    bool article = wl == 2 && (memcmp(t + b, "al", 2) == 0 || memcmp(t + b, "el", 2) == 0);
    if (more && (t[i] == '-' || article) && in_list(t + b, wl, particles)) continue;
    if (wl == 1 && t[b] == 's' && b > 0 && (t[b - 1] == '\'' || (unsigned char)t[b - 1] >= 0x80)) continue;
    lead = false;
    if (k + wl + 2 >= PX_KEY_MAX) break;
    if (k) nd->key[k++] = ' ', nd->skel[sk++] = ' ';
    memcpy(nd->key + k, t + b, wl);
    k += wl;
    char ws[PX_KEY_MAX];
    size_t sl = skeleton(t + b, wl, ws, sizeof ws);
    memcpy(nd->skel + sk, ws, sl);
    sk += sl;
    memcpy(nd->last, ws, sl + 1);
    if (!words) memcpy(nd->first, ws, sl + 1);
    if (!in_list(t + b, wl, acr_skip) && acr + 1 < sizeof nd->acr) nd->acr[acr++] = t[b];
    words++;
  }
  nd->key[k] = nd->skel[sk] = 0;
  nd->acr[words >= 2 && acr >= 2 && acr + 1 < sizeof nd->acr ? acr : 0] = 0;
  nd->words = (int)words;
  free(f);
}

/* A group label's key: the phrase casefolded, leading determiners dropped,
 * the last word replaced by the head lemma ("The rebels" -> "rebel"). */
void px_ekey_group(px_enode *nd, const char *name, const char *head) {
  utf8proc_uint8_t *f = NULL;
  utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)name, 0, &f,
                                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  const char *t = fl >= 0 && f ? (const char *)f : name;
  size_t len = fl >= 0 && f ? (size_t)fl : strlen(name), k = 0, lastb = 0;
  bool lead = true;
  for (size_t i = 0; i < len;) {
    while (i < len && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t')) i++;
    size_t b = i;
    while (i < len && t[i] != ' ' && t[i] != '\n' && t[i] != '\t') i++;
    size_t e = i;
    while (b < e && (unsigned char)t[b] < 0x80 && !isalnum_ascii(t[b])) b++;
    while (e > b && (unsigned char)t[e - 1] < 0x80 && !isalnum_ascii(t[e - 1])) e--;
    if (b == e || (lead && i < len && in_list(t + b, e - b, determiners))) continue;
    lead = false;
    if (k + (e - b) + 2 >= PX_KEY_MAX) break;
    if (k) nd->key[k++] = ' ';
    lastb = k;
    memcpy(nd->key + k, t + b, e - b);
    k += e - b;
  }
  if (head && *head && lastb + strlen(head) + 1 < PX_KEY_MAX) k = lastb + (size_t)snprintf(nd->key + lastb, PX_KEY_MAX - lastb, "%s", head);
  nd->key[k] = 0;
  nd->words = 1;
  free(f);
}

/* "UN", "U.N.", "FHB": 2-6 capitals, maybe with dots; out (8 bytes) gets them lower-cased. */
bool px_ekey_acronym(const char *t, size_t n, char *out) {
  char tmp[8];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (t[i] >= 'A' && t[i] <= 'Z' && k < 6) tmp[k++] = (char)(t[i] - 'A' + 'a');
    else if (t[i] != '.') return false;
  }
  if (k < 2) return false;
  memcpy(out, tmp, k);
  out[k] = 0;
  return true;
}

/* The last word of a key. */
const char *px_ekey_last_word(const char *key) {
  const char *sp = strrchr(key, ' ');
  return sp ? sp + 1 : key;
}

double px_ekey_jaro_winkler(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  if (!la || !lb) return 0;
  size_t win = (la > lb ? la : lb) / 2;
  win = win ? win - 1 : 0;
  bool ma[PX_KEY_MAX] = {false}, mb[PX_KEY_MAX] = {false};
  size_t m = 0, tr = 0;
  for (size_t i = 0; i < la; i++) {
    size_t lo = i > win ? i - win : 0, hi = i + win + 1 < lb ? i + win + 1 : lb;
    for (size_t j = lo; j < hi; j++)
      if (!mb[j] && a[i] == b[j]) { ma[i] = mb[j] = true; m++; break; }
  }
  if (!m) return 0;
  for (size_t i = 0, j = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[j]) j++;
    if (a[i] != b[j]) tr++;
    j++;
  }
  double md = (double)m, jaro = (md / (double)la + md / (double)lb + (md - (double)tr / 2) / md) / 3;
  size_t p = 0;
  while (p < 4 && a[p] && a[p] == b[p]) p++;
  return jaro + (double)p * 0.1 * (1 - jaro);
}

