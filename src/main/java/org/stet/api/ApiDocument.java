package org.stet.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.stet.identity.SessionCookie;

/**
 * The OpenAPI document as integrators read it: only the JSON API ({@code /api/…}; the desk's and
 * the public site's HTML routes are left out), how to sign in (a personal API token or the desk's
 * session), and the error body every refusal has, with an example per status on every operation.
 */
public class ApiDocument implements OASFilter {

  static final String PROBLEM = "Problem";

  private static final String DESCRIPTION =
      "The JSON API of Stet: drafts, the editorial workflow, reviews, journals and issues, DOIs and"
          + " Crossref deposits, files and media. Send `Authorization: Bearer stet_…` with a"
          + " personal API token (made on the desk under Your account → API tokens, or with"
          + " `POST /api/v1/me/tokens`); a token acts with its account's roles, a read token only"
          + " reads. Requests signed in by the desk's session cookie that change something must be"
          + " JSON and come from the desk (or carry the `X-CSRF-Token` header). Every refusal"
          + " answers a `Problem`: a sentence saying what is wrong and what to do, the status's"
          + " title and the status.";

  /** Each refusal with its meaning and an example sentence Stet answers. */
  private static final Map<String, String[]> REFUSALS =
      Map.of(
          "400",
          new String[] {
            "The request is not what this operation takes; nothing was saved.",
            "Give a future publication time with its time zone, e.g. 2027-02-01T09:00:00+06:00."
          },
          "401",
          new String[] {
            "Not signed in: no token or session, or one that has ended or been revoked.",
            "The request could not be handled (Unauthorized)."
          },
          "403",
          new String[] {
            "Signed in, but this account (or token) may not do this to this object.",
            "This API token may only read. Make a token with the write scope to change things."
          },
          "404",
          new String[] {
            "There is no such object, or the caller may not know of it.",
            "The request could not be handled (Not Found)."
          },
          "409",
          new String[] {
            "Not possible in the object's present state; the message says what is possible.",
            "This article is submitted; you can publish it only when it is accepted."
          },
          "415",
          new String[] {
            "A change sent on a desk session that is not JSON.",
            "Send the request as JSON (Content-Type: application/json)."
          });

  private static final List<String> CHANGES = List.of("POST", "PUT", "PATCH", "DELETE");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
        if (!path.startsWith("/api/")) {
          openAPI.getPaths().removePathItem(path);
        }
      }
    }
    if (openAPI.getInfo() == null) {
      openAPI.setInfo(OASFactory.createInfo());
    }
    openAPI.getInfo().title("Stet API").version("1").description(DESCRIPTION);
    Components components =
        openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
    openAPI.setComponents(components);
    components.addSchema(PROBLEM, problem());
    components.addSecurityScheme(
        "token",
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("stet_ and 43 characters")
            .description("A personal API token, sent as Authorization: Bearer stet_…"));
    components.addSecurityScheme(
        "session",
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE)
            .name(SessionCookie.NAME)
            .description("The desk's session cookie, as the desk's own scripts use the API."));
    SecurityRequirement token = OASFactory.createSecurityRequirement().addScheme("token");
    SecurityRequirement session = OASFactory.createSecurityRequirement().addScheme("session");
    openAPI.setSecurity(List.of(token, session));
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      item.getOperations().forEach((method, operation) -> refusals(method.name(), operation));
    }
  }

  private static void refusals(String method, Operation operation) {
    APIResponses responses =
        operation.getResponses() == null
            ? OASFactory.createAPIResponses()
            : operation.getResponses();
    operation.setResponses(responses);
    for (Map.Entry<String, String[]> refusal : REFUSALS.entrySet()) {
      if (refusal.getKey().equals("415") && !CHANGES.contains(method)) {
        continue;
      }
      APIResponse existing = responses.getAPIResponse(refusal.getKey());
      APIResponse shared = response(refusal.getKey(), refusal.getValue());
      if (existing == null) {
        responses.addAPIResponse(refusal.getKey(), shared);
      } else if (existing.getContent() == null) {
        // The operation's own words for this refusal (or SmallRye's "Not Allowed") get the body.
        existing.content(shared.getContent());
        if (existing.getDescription() == null || existing.getDescription().startsWith("Not A")) {
          existing.description(shared.getDescription());
        }
      }
    }
  }

  private static APIResponse response(String status, String[] words) {
    Schema reference = OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM);
    MediaType json =
        OASFactory.createMediaType()
            .schema(reference)
            .example(
                Map.of(
                    "message", words[1],
                    "title", title(status),
                    "status", Integer.parseInt(status)));
    Content content = OASFactory.createContent().addMediaType("application/json", json);
    return OASFactory.createAPIResponse().description(words[0]).content(content);
  }

  private static String title(String status) {
    return switch (status) {
      case "400" -> "Bad Request";
      case "401" -> "Unauthorized";
      case "403" -> "Forbidden";
      case "404" -> "Not Found";
      case "409" -> "Conflict";
      default -> "Unsupported Media Type";
    };
  }

  private static Schema problem() {
    return OASFactory.createSchema()
        .type(List.of(Schema.SchemaType.OBJECT))
        .description("Why a request was refused.")
        .addProperty(
            "message",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description("What is wrong and what to do, in plain English."))
        .addProperty(
            "title",
            OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING))
                .description("The HTTP status's name, or a short heading (\"Not possible now\")."))
        .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
        .required(List.of("message", "status"));
  }
}
