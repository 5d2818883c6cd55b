package org.stet.site.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One OAI-PMH request, its arguments checked as the protocol requires: a known verb, only the
 * arguments that verb takes, none twice, the required ones present, a resumption token alone, and
 * dates in one of the two granularities (day or second, UTC), {@code from} not after {@code until}.
 * {@code until} at day granularity means the end of that day.
 */
record OaiRequest(
    Verb verb,
    String identifier,
    String metadataPrefix,
    String set,
    Instant from,
    Instant until,
    String resumptionToken,
    Map<String, String> arguments) {

  /** The six verbs. */
  enum Verb {
    Identify,
    ListMetadataFormats,
    ListSets,
    GetRecord,
    ListIdentifiers,
    ListRecords
  }

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern SECOND =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

  private static final Map<Verb, Set<String>> REQUIRED =
      Map.of(
          Verb.Identify, Set.of(),
          Verb.ListMetadataFormats, Set.of(),
          Verb.ListSets, Set.of(),
          Verb.GetRecord, Set.of("identifier", "metadataPrefix"),
          Verb.ListIdentifiers, Set.of("metadataPrefix"),
          Verb.ListRecords, Set.of("metadataPrefix"));

  private static final Map<Verb, Set<String>> ALLOWED =
      Map.of(
          Verb.Identify, Set.of(),
          Verb.ListMetadataFormats, Set.of("identifier"),
          Verb.ListSets, Set.of("resumptionToken"),
          Verb.GetRecord, Set.of("identifier", "metadataPrefix"),
          Verb.ListIdentifiers, Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
          Verb.ListRecords, Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

  /**
   * The request {@code parameters} (each name with every value it was given) make; the verb's name
   * only is answered when the verb itself is wrong.
   */
  static OaiRequest parse(Map<String, List<String>> parameters) {
    List<String> verbs = parameters.getOrDefault("verb", List.of());
    if (verbs.size() != 1) {
      throw new OaiError(
          OaiError.Code.badVerb,
          verbs.isEmpty() ? "The request names no verb." : "The verb is given more than once.");
    }
    Verb verb;
    try {
      verb = Verb.valueOf(verbs.get(0));
    } catch (IllegalArgumentException e) {
      throw new OaiError(OaiError.Code.badVerb, "This repository knows no such verb.");
    }
    Map<String, String> arguments = new java.util.TreeMap<>();
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (name.equals("verb")) {
        continue;
      }
      if (!ALLOWED.get(verb).contains(name)) {
        throw new OaiError(
            OaiError.Code.badArgument, verb + " takes no argument named " + quoted(name) + ".");
      }
      if (parameter.getValue().size() != 1) {
        throw new OaiError(OaiError.Code.badArgument, "The argument " + name + " is repeated.");
      }
      arguments.put(name, parameter.getValue().get(0));
    }
    String token = arguments.get("resumptionToken");
    if (token != null) {
      if (arguments.size() > 1) {
        throw new OaiError(
            OaiError.Code.badArgument,
            "A resumptionToken is the only argument a request may give besides the verb.");
      }
      return new OaiRequest(verb, null, null, null, null, null, token, arguments);
    }
    for (String required : REQUIRED.get(verb)) {
      if (arguments.get(required) == null || arguments.get(required).isEmpty()) {
        throw new OaiError(
            OaiError.Code.badArgument, verb + " needs the argument " + required + ".");
      }
    }
    String from = arguments.get("from");
    String until = arguments.get("until");
    if (from != null && until != null && from.length() != until.length()) {
      throw new OaiError(
          OaiError.Code.badArgument, "The from and until arguments have different granularities.");
    }
    Instant start = from == null ? null : date(from, "from", false);
    Instant end = until == null ? null : date(until, "until", true);
    if (start != null && end != null && start.isAfter(end)) {
      throw new OaiError(OaiError.Code.badArgument, "The from date is later than the until date.");
    }
    return new OaiRequest(
        verb,
        arguments.get("identifier"),
        arguments.get("metadataPrefix"),
        arguments.get("set"),
        start,
        end,
        null,
        arguments);
  }

  /**
   * A date argument as an instant: a day starts at midnight UTC, or ends a second before the next.
   */
  static Instant date(String value, String name, boolean endOfDay) {
    try {
      if (DAY.matcher(value).matches()) {
        LocalDate day = LocalDate.parse(value);
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        return endOfDay ? start.plusSeconds(86_399) : start;
      }
      if (SECOND.matcher(value).matches()) {
        return Instant.parse(value);
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new OaiError(
        OaiError.Code.badArgument,
        "The "
            + name
            + " argument is not a date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ (UTC): "
            + quoted(value)
            + ".");
  }

  private static String quoted(String value) {
    String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
    return "\"" + shown + "\"";
  }
}
