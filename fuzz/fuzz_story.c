/* fuzz_story.c - the story stage (px_story_build) on arbitrary documents.
 *
 * The input is cut into documents at form feeds (at most 8); each piece,
 * cleaned as ingest does, becomes a document with its own id, outlet and a
 * date picked by the first byte. The corpus is compared and rendered as JSON
 * (which must parse and hold a "story" object), Markdown and HTML (where no
 * raw "<script" from the input may survive). Checks every story index:
 * sentence references, ranges into the flat arrays, claims, supports.
 * Invariants abort on violation (fuzz_common.h).
 */
#include "fuzz_common.h"

static void check_ref(const px_story *s, px_sref r, const char *what, size_t i) {
  const px_corpus *c = px_story_corpus(s);
  FZ_CHECK(r.doc < px_corpus_count(c), "%s %zu: doc %u of %zu", what, i, r.doc, px_corpus_count(c));
  size_t ns = 0;
  px_doc_layer(px_corpus_doc(c, r.doc), PX_LAYER_SENTENCES, &ns);
  FZ_CHECK(r.sentence < ns, "%s %zu: sentence %u of %zu", what, i, r.sentence, ns);
}

static void check_range(const char *what, size_t i, size_t first, size_t count, size_t n) {
  FZ_CHECK(first <= n && count <= n - first, "%s %zu: range [%zu, +%zu) of %zu", what, i, first, count, n);
}

static void check_story(const px_story *s) {
  size_t nr, ne, na, nac, nl, nc, ng, np, nsu, nx, nev, nes, nf, nt, nm, nq, nsm;
  const px_sref *r = px_story_refs(s, &nr);
  const px_story_entity *e = px_story_entities(s, &ne);
  px_story_aliases(s, &na);
  const px_actor *ac = px_story_actors(s, &nac);
  const px_label *l = px_story_labels(s, &nl);
  const px_claim *c = px_story_claims(s, &nc);
  const px_claim_group *g = px_story_claim_groups(s, &ng);
  const px_claim_pair *p = px_story_claim_pairs(s, &np);
  const px_support *su = px_story_supports(s, &nsu);
  const px_exclusive *x = px_story_exclusives(s, &nx);
  const px_event *ev = px_story_events(s, &nev);
  const px_event_source *es = px_story_event_sources(s, &nes);
  const px_framing *f = px_story_framing(s, &nf);
  px_story_terms(s, &nt);
  const px_marker *m = px_story_markers(s, &nm);
  px_story_quoted(s, &nq);
  const px_summary_item *sm = px_story_summary(s, &nsm);
  for (size_t i = 0; i < nr; i++) check_ref(s, r[i], "ref", i);
  for (size_t i = 0; i < ne; i++) check_range("entity aliases", i, e[i].first_alias, e[i].alias_count, na);
  for (size_t i = 0; i < nac; i++) check_range("actor labels", i, ac[i].first_label, ac[i].label_count, nl);
  for (size_t i = 0; i < nl; i++) check_range("label refs", i, l[i].first_ref, l[i].ref_count, nr);
  for (size_t i = 0; i < nc; i++) {
    check_ref(s, (px_sref){c[i].doc, c[i].sentence}, "claim", i);
    FZ_CHECK(c[i].speaker >= -1 && c[i].speaker < (int32_t)ne, "claim %zu speaker %d", i, (int)c[i].speaker);
  }
  for (size_t i = 0; i < ng; i++) {
    check_range("group claims", i, g[i].first_claim, g[i].claim_count, nc);
    check_range("group pairs", i, g[i].first_pair, g[i].pair_count, np);
  }
  for (size_t i = 0; i < np; i++) FZ_CHECK(p[i].a < nc && p[i].b < nc, "pair %zu", i);
  for (size_t i = 0; i < nsu; i++) {
    check_ref(s, su[i].from, "support from", i);
    check_ref(s, su[i].to, "support to", i);
    FZ_CHECK(su[i].from.doc != su[i].to.doc, "support %zu within one document", i);
  }
  for (size_t i = 0; i < nx; i++) check_ref(s, x[i].ref, "exclusive", i);
  for (size_t i = 0; i < nev; i++) check_range("event sources", i, ev[i].first_source, ev[i].source_count, nes);
  for (size_t i = 0; i < nes; i++) check_ref(s, es[i].ref, "event source", i);
  for (size_t i = 0; i < nf; i++) {
    check_range("framing terms", i, f[i].first_term, f[i].term_count, nt);
    check_range("framing markers", i, f[i].first_marker, f[i].marker_count, nm);
    check_range("framing quoted", i, f[i].first_quoted, f[i].quoted_count, nq);
  }
  for (size_t i = 0; i < nm; i++) check_ref(s, (px_sref){m[i].doc, m[i].sentence}, "marker", i);
  for (size_t i = 0; i < nsm; i++) {
    check_ref(s, sm[i].ref, "summary", i);
    check_range("summary refs", i, sm[i].first_ref, sm[i].ref_count, nr);
  }
}

static void check_renders(const px_corpus *c, const px_story *s) {
  char *buf = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&buf, &size);
  if (!f) return;
  FZ_CHECK(px_render_story_json(c, s, f, 0) == PX_OK, "px_render_story_json failed");
  fclose(f);
  json_error_t err;
  json_t *root = json_loadb(buf, size, 0, &err);
  FZ_CHECK(root, "story JSON does not parse: %s at line %d column %d", err.text, err.line, err.column);
  FZ_CHECK(json_is_object(json_object_get(root, "story")), "no story object");
  json_decref(root);
  free(buf);
  buf = NULL;
  f = open_memstream(&buf, &size);
  if (!f) return;
  FZ_CHECK(px_render_story_markdown(c, s, f, 0) == PX_OK, "px_render_story_markdown failed");
  fclose(f);
  free(buf);
  buf = NULL;
  f = open_memstream(&buf, &size);
  if (!f) return;
  FZ_CHECK(px_render_html(c, s, f, 0) == PX_OK, "px_render_html failed");
  fclose(f);
  /* The page's own scripts carry no attributes but these; the input's never pass. */
  for (const char *p = buf; (p = strstr(p, "<script")) != NULL; p++)
    FZ_CHECK(strncmp(p, "<script>", 8) == 0 || strncmp(p, "<script nonce", 13) == 0, "raw <script in HTML: %.40s", p);
  free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const dates[] = {NULL, "2016-12-14", "2024-02-29", "1999-12-31"};
  if (size == 0) return 0;
  px_corpus *c = px_corpus_new();
  if (!c) return 0;
  const char *in = (const char *)data + 1;
  size_t left = size - 1;
  for (unsigned k = 0; k < 8 && (left || k == 0); k++) {
    const char *ff = memchr(in, '\f', left);
    size_t n = ff ? (size_t)(ff - in) : left;
    char *text = NULL, id[16], outlet[16];
    size_t len, nbad, first;
    if (px_text_clean(in, n, 0, &text, &len, &nbad, &first) == PX_OK) {
      px_doc *d = px_doc_new(text, len);
      if (d && px_corpus_add(c, d) == PX_OK) {
        snprintf(id, sizeof id, "d%u", k);
        snprintf(outlet, sizeof outlet, "Outlet %u", k % 3);
        px_doc_set_meta(d, PX_META_ID, id);
        px_doc_set_meta(d, PX_META_SOURCE, outlet);
        if (dates[(data[0] + k) % 4]) px_doc_set_meta(d, PX_META_PUBLISHED, dates[(data[0] + k) % 4]);
      }
    }
    free(text);
    if (!ff) break;
    in = ff + 1;
    left -= n + 1;
  }
  px_story *s = NULL;
  int rc = px_story_build(c, NULL, &s);
  if (rc == PX_OK) {
    check_story(s);
    check_renders(c, s);
  } else {
    FZ_CHECK(rc == PX_ENOMEM, "px_story_build returned %d (%s)", rc, px_strerror(rc));
  }
  px_story_free(s);
  px_corpus_free(c);
  return 0;
}
