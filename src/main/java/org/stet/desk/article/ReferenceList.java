package org.stet.desk.article;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stet.citation.Csl;
import org.stet.citation.ReferenceForm;
import org.stet.citation.ReferenceProblem;
import org.stet.citation.ReferenceReader;
import org.stet.citation.References;

/**
 * The changes the references page makes to an article's list of references, each item found by its
 * key: adding or editing one, removing, moving and putting back one, and merging a paste. The list
 * is changed in place; saving it (a new revision) is the caller's. A key that is not there is 404,
 * a change that cannot be made is 400.
 */
final class ReferenceList {

  /** The article's list with a paste merged in: same key replaces, new keys are appended. */
  record Merge(
      List<Map<String, Object>> list,
      List<Map<String, Object>> read,
      Set<String> replaced,
      String format,
      List<String> notes) {}

  private ReferenceList() {}

  /**
   * Adds the reference typed in the form ({@code key} empty) or replaces the one with {@code key};
   * answers whether it was added. {@code values} holds the type's fields and the {@code id} typed,
   * which when empty is made from the work and kept apart from the other keys.
   */
  static boolean save(
      List<Map<String, Object>> list, String key, String type, Map<String, String> values) {
    int index = key.isEmpty() ? -1 : indexOf(list, key);
    if (!key.isEmpty() && index < 0) {
      throw new NotFoundException();
    }
    Map<String, Object> item =
        ReferenceForm.apply(index < 0 ? Map.of() : list.get(index), type, values);
    if (values.get("id").isEmpty()) {
      item.remove("id");
      Set<String> taken = keys(list);
      if (index >= 0) {
        taken.remove(key);
      }
      References.assignKeys(List.of(item), taken);
    }
    if (index < 0) {
      list.add(item);
    } else {
      list.set(index, item);
    }
    return index < 0;
  }

  static void remove(List<Map<String, Object>> list, String key) {
    int index = indexOf(list, key);
    if (index < 0) {
      throw new NotFoundException();
    }
    list.remove(index);
  }

  /** Moves the reference one place up the list, or down. */
  static void move(List<Map<String, Object>> list, String key, boolean up) {
    int index = indexOf(list, key);
    int other = up ? index - 1 : index + 1;
    if (index < 0 || other < 0 || other >= list.size()) {
      throw new BadRequestException("That reference cannot move further.");
    }
    list.set(index, list.set(other, list.get(index)));
  }

  /**
   * Puts back a removed reference as it was in {@code before} (the list of the revision before the
   * removal), at its old place or at the end.
   */
  static void restore(
      List<Map<String, Object>> list, String key, List<Map<String, Object>> before) {
    if (indexOf(list, key) >= 0) {
      throw new BadRequestException("There is nothing to undo.");
    }
    int position = indexOf(before, key);
    if (position < 0) {
      throw new BadRequestException("There is nothing to undo.");
    }
    list.add(Math.min(position, list.size()), before.get(position));
  }

  /** Reads a paste (BibTeX, RIS, CSL-JSON, DOIs, URLs) and merges it into {@code current}. */
  static Merge merge(List<Map<String, Object>> current, String text) {
    try {
      ReferenceReader.Reading reading = ReferenceReader.read(text, keys(current));
      References.Checked checked = References.check(reading.items());
      List<Map<String, Object>> read = checked.items();
      List<Map<String, Object>> list = new ArrayList<>(current);
      Set<String> replaced = new HashSet<>();
      for (Map<String, Object> item : read) {
        int index = indexOf(list, References.key(item));
        if (index >= 0) {
          list.set(index, item);
          replaced.add(References.key(item));
        } else {
          list.add(item);
        }
      }
      List<String> notes = new ArrayList<>(reading.notes());
      notes.addAll(checked.notes());
      References.check(list);
      return new Merge(list, read, replaced, reading.format(), notes);
    } catch (ReferenceProblem e) {
      throw new BadRequestException(e.getMessage() + " Nothing was added; your paste is below.");
    }
  }

  /** The kind of work typed (a CSL type such as {@code article-journal}), if it is one. */
  static String type(String typed) {
    String id = typed == null ? "" : typed.strip();
    if (!Csl.TYPES.contains(id)) {
      throw new BadRequestException("Choose what kind of work it is.");
    }
    return id;
  }

  static Optional<Map<String, Object>> find(List<Map<String, Object>> list, String key) {
    int index = indexOf(list, key);
    return index < 0 ? Optional.empty() : Optional.of(list.get(index));
  }

  private static int indexOf(List<Map<String, Object>> list, String key) {
    for (int i = 0; i < list.size(); i++) {
      if (References.key(list.get(i)).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> keys(List<Map<String, Object>> list) {
    Set<String> keys = new HashSet<>();
    list.forEach(item -> keys.add(References.key(item)));
    return keys;
  }
}
