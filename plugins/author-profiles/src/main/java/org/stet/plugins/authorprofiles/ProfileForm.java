package org.stet.plugins.authorprofiles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.stet.spi.TypedText;
import org.stet.spi.WebAddress;

/**
 * The profile form as it was typed, with what is wrong with each field. A refused form is shown
 * again exactly as typed, with the reasons beside the fields; nothing is cut short or dropped.
 *
 * @param errors field name ({@code orcid}, {@code position-2}, {@code link-0}...) to message
 */
public record ProfileForm(
    String displayName,
    String affiliation,
    String biography,
    String orcid,
    String publicEmail,
    List<PositionRow> positions,
    List<LinkRow> links,
    int version,
    Map<String, String> errors) {

  /** Most positions a profile may list. */
  static final int MAX_POSITIONS = 30;

  /** Most links a profile may list. */
  static final int MAX_LINKS = 20;

  /** Longest biography, in characters. */
  static final int MAX_BIOGRAPHY = 20_000;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** A position as typed: dates as {@code yyyy-mm-dd}. */
  public record PositionRow(String title, String startsOn, String endsOn) {}

  /** A link as typed. */
  public record LinkRow(String label, String url) {}

  public ProfileForm {
    positions = List.copyOf(positions);
    links = List.copyOf(links);
    errors = Map.copyOf(errors);
  }

  /** The message for {@code field}, or null. */
  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** This form with one more message, for {@code field}. */
  ProfileForm withError(String field, String message) {
    Map<String, String> more = new LinkedHashMap<>(errors);
    more.put(field, message);
    return new ProfileForm(
        displayName, affiliation, biography, orcid, publicEmail, positions, links, version, more);
  }

  /** The form for a saved profile, with a blank position and a blank link to fill in. */
  static ProfileForm of(ProfileStore.ProfileData data, int version) {
    List<PositionRow> positions = new ArrayList<>();
    for (ProfileStore.Position p : data.positions()) {
      positions.add(
          new PositionRow(
              p.title(), p.startsOn().toString(), p.endsOn() == null ? "" : p.endsOn().toString()));
    }
    List<LinkRow> links = new ArrayList<>();
    data.links().forEach(link -> links.add(new LinkRow(link.label(), link.url())));
    return new ProfileForm(
        orEmpty(data.displayName()),
        orEmpty(data.affiliation()),
        orEmpty(data.biography()),
        orEmpty(data.orcid()),
        orEmpty(data.publicEmail()),
        withBlank(positions, new PositionRow("", "", "")),
        withBlank(links, new LinkRow("", "")),
        version,
        Map.of());
  }

  /** Reads what was posted and checks it. Missing list entries count as blank. */
  static ProfileForm read(
      String displayName,
      String affiliation,
      String biography,
      String orcid,
      String publicEmail,
      List<String> titles,
      List<String> starts,
      List<String> ends,
      List<String> labels,
      List<String> urls,
      String version) {
    Map<String, String> errors = new LinkedHashMap<>();
    int rows = Math.max(size(titles), Math.max(size(starts), size(ends)));
    List<PositionRow> positions = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      positions.add(new PositionRow(at(titles, i), at(starts, i), at(ends, i)));
    }
    int linkRows = Math.max(size(labels), size(urls));
    List<LinkRow> links = new ArrayList<>();
    for (int i = 0; i < linkRows; i++) {
      links.add(new LinkRow(at(labels, i), at(urls, i)));
    }
    int number = -1;
    if (version != null && version.strip().matches("\\d{1,9}")) {
      number = Integer.parseInt(version.strip());
    }
    ProfileForm typed =
        new ProfileForm(
            text(displayName),
            text(affiliation),
            biography == null ? "" : biography.replace("\r\n", "\n"),
            text(orcid),
            text(publicEmail),
            positions,
            links,
            number,
            Map.of());
    typed.check(errors);
    return new ProfileForm(
        typed.displayName,
        typed.affiliation,
        typed.biography,
        typed.orcid,
        typed.publicEmail,
        positions,
        links,
        number,
        errors);
  }

  private void check(Map<String, String> errors) {
    if (version < 0) {
      errors.put("form", "The form is missing its version; reload the page and try again.");
    }
    if (displayName.isEmpty() || displayName.length() > 200) {
      errors.put("displayName", "Give the name for bylines (1 to 200 characters).");
    }
    if (affiliation.length() > 300) {
      errors.put("affiliation", "The affiliation is longer than 300 characters.");
    }
    if (biography.length() > MAX_BIOGRAPHY) {
      errors.put(
          "biography",
          "The biography is "
              + String.format(Locale.ROOT, "%,d", biography.length())
              + " characters; at most 20,000 fit. Shorten it; nothing was saved.");
    }
    if (!orcid.isEmpty() && !Orcid.isValid(normalOrcid(orcid))) {
      errors.put(
          "orcid",
          "This is not a valid ORCID iD: 16 digits in four groups, e.g. 0000-0002-1825-0097, the"
              + " last one a check digit (it may be X).");
    }
    if (!publicEmail.isEmpty()
        && (publicEmail.length() > 254 || !EMAIL.matcher(publicEmail).matches())) {
      errors.put("publicEmail", "Give an e-mail address such as name@example.org, or nothing.");
    }
    checkPositions(errors);
    checkLinks(errors);
    String[] fields = {displayName, affiliation, biography, orcid, publicEmail};
    String[] names = {"displayName", "affiliation", "biography", "orcid", "publicEmail"};
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].indexOf('\0') >= 0) {
        errors.put(names[i], "This field contains a NUL character; remove it.");
      } else if (TypedText.hasNonText(fields[i])) {
        errors.put(names[i], "This field contains control or non-text characters; remove them.");
      }
    }
  }

  private void checkPositions(Map<String, String> errors) {
    int filled = 0;
    for (int i = 0; i < positions.size(); i++) {
      PositionRow row = positions.get(i);
      if (blank(row.title()) && blank(row.startsOn()) && blank(row.endsOn())) {
        continue;
      }
      filled++;
      String key = "position-" + i;
      LocalDate start = date(row.startsOn());
      LocalDate end = blank(row.endsOn()) ? null : date(row.endsOn());
      if (blank(row.title())
          || row.title().strip().length() > 200
          || TypedText.hasNonText(row.title())) {
        errors.put(key, "Give the position's title (1 to 200 characters).");
      } else if (start == null) {
        errors.put(key, "Give the date the position began (e.g. 2015-09-01).");
      } else if (!blank(row.endsOn()) && end == null) {
        errors.put(key, "The end date is not a date (e.g. 2018-12-31); leave it empty if open.");
      } else if (end != null && end.isBefore(start)) {
        errors.put(key, "The position ends before it begins.");
      }
    }
    if (filled > MAX_POSITIONS) {
      errors.put("positions", "At most " + MAX_POSITIONS + " positions fit in a profile.");
    }
  }

  private void checkLinks(Map<String, String> errors) {
    int filled = 0;
    for (int i = 0; i < links.size(); i++) {
      LinkRow row = links.get(i);
      if (blank(row.label()) && blank(row.url())) {
        continue;
      }
      filled++;
      String key = "link-" + i;
      if (blank(row.label())
          || row.label().strip().length() > 100
          || TypedText.hasNonText(row.label())) {
        errors.put(key, "Give the link a label of 1 to 100 characters.");
      } else if (!WebAddress.isHttp(row.url().strip())) {
        errors.put(key, "Links must be web addresses starting with https:// or http://.");
      }
    }
    if (filled > MAX_LINKS) {
      errors.put("links", "At most " + MAX_LINKS + " links fit in a profile.");
    }
  }

  /** The checked form as data to save; only for a form without errors. */
  ProfileStore.ProfileData toData() {
    if (hasErrors()) {
      throw new IllegalStateException("The form has errors");
    }
    List<ProfileStore.Position> saved = new ArrayList<>();
    for (PositionRow row : positions) {
      if (!blank(row.title())) {
        saved.add(
            new ProfileStore.Position(
                row.title().strip(),
                date(row.startsOn()),
                blank(row.endsOn()) ? null : date(row.endsOn())));
      }
    }
    List<ProfileStore.Link> savedLinks = new ArrayList<>();
    for (LinkRow row : links) {
      if (!blank(row.label())) {
        savedLinks.add(
            new ProfileStore.Link(row.label().strip(), WebAddress.normalize(row.url().strip())));
      }
    }
    return new ProfileStore.ProfileData(
        displayName,
        nullIfEmpty(affiliation),
        biography.isBlank() ? null : biography,
        orcid.isEmpty() ? null : normalOrcid(orcid),
        nullIfEmpty(publicEmail),
        saved,
        savedLinks);
  }

  /** Accepts the iD as ORCID shows it too: {@code https://orcid.org/0000-...}, lower-case x. */
  static String normalOrcid(String typed) {
    String id = typed.strip();
    for (String prefix : new String[] {"https://orcid.org/", "http://orcid.org/", "orcid.org/"}) {
      if (id.regionMatches(true, 0, prefix, 0, prefix.length())) {
        id = id.substring(prefix.length());
      }
    }
    return id.toUpperCase(Locale.ROOT);
  }

  /** A date of the years 1000 to 9999 (what a position can have, and the database can hold). */
  private static LocalDate date(String text) {
    if (blank(text) || !text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.strip());
      return date.getYear() >= 1000 ? date : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static <T> List<T> withBlank(List<T> rows, T blank) {
    List<T> all = new ArrayList<>(rows);
    all.add(blank);
    return all;
  }

  private static int size(List<String> list) {
    return list == null ? 0 : list.size();
  }

  private static String at(List<String> list, int i) {
    return list == null || i >= list.size() || list.get(i) == null ? "" : list.get(i);
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String nullIfEmpty(String value) {
    return value.isEmpty() ? null : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
