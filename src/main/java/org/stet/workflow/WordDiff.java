package org.stet.workflow;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences between two texts (java-diff-utils over word, space and punctuation
 * tokens), as a list of runs that read, in order, as the old text with deletions and insertions.
 */
public final class WordDiff {

  /** A run of text that is the same in both, only in the old one, or only in the new one. */
  public record Run(Op op, String text) {}

  /** What a run is. */
  public enum Op {
    EQUAL,
    DELETE,
    INSERT
  }

  private static final Pattern TOKEN =
      Pattern.compile("\\s+|[\\p{L}\\p{N}_'’-]+|[^\\s\\p{L}\\p{N}]");

  private WordDiff() {}

  public static List<Run> between(String before, String after) {
    List<String> a = tokens(before);
    List<String> b = tokens(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<Run> runs = new ArrayList<>();
    int at = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int start = delta.getSource().getPosition();
      add(runs, Op.EQUAL, a.subList(at, start));
      add(runs, Op.DELETE, delta.getSource().getLines());
      add(runs, Op.INSERT, delta.getTarget().getLines());
      at = start + delta.getSource().size();
    }
    add(runs, Op.EQUAL, a.subList(at, a.size()));
    return runs;
  }

  private static void add(List<Run> runs, Op op, List<String> tokens) {
    if (tokens.isEmpty()) {
      return;
    }
    String text = String.join("", tokens);
    if (!runs.isEmpty() && runs.get(runs.size() - 1).op() == op) {
      Run last = runs.remove(runs.size() - 1);
      text = last.text() + text;
    }
    runs.add(new Run(op, text));
  }

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }
}
