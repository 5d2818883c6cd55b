package org.stet.markdown;

import java.util.ArrayList;
import java.util.List;

/** Turns a body's citations into in-text citations; called once per rendering, in body order. */
@FunctionalInterface
public interface CitationFormatter {

  /** Formats nothing: every citation stays as typed (bodies shown without their references). */
  CitationFormatter NONE =
      clusters -> {
        List<Formatted> none = new ArrayList<>();
        clusters.forEach(cluster -> none.add(null));
        return none;
      };

  /**
   * One result per cluster, in order: the citation as HTML (a fragment the body policy cleans) and
   * the anchor of the reference it links to, or {@code null} for a cluster citing a key that has no
   * reference.
   */
  List<Formatted> format(List<CitationCluster> clusters);

  /** An in-text citation. */
  record Formatted(String html, String anchor) {}
}
