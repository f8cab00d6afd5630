package se.tertial.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.olingo.server.api.ODataApplicationException;
import se.tertial.spec.ApiText;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Where the next page of a set starts ({@code $skiptoken}): how many rows the request has handed out so far and, in
 * the set's natural order, the last row's position (keyset paging: the database continues from an index instead of
 * counting rows from the start). URL-safe Base64 of a small JSON object; anything else is refused.
 *
 * @param sent  rows handed out by earlier pages
 * @param after the last of them, in the natural order; empty with {@code $orderby} (then {@code sent} is an offset)
 */
record SkipToken(long sent, Optional<List<Object>> after) {
    static final SkipToken FIRST = new SkipToken(0, Optional.empty());
    private static final ObjectMapper JSON = new ObjectMapper();

    String text() {
        ObjectNode o = JSON.createObjectNode().put("n", sent);
        after.ifPresent(values -> {
            ArrayNode a = o.putArray("k");
            for (Object v : values) {
                if (v instanceof Number n) {
                    a.add(n.longValue());
                } else {
                    a.add(String.valueOf(v));
                }
            }
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @param keys how many values the set's position has; {@code natural}: the request has no $orderby */
    static SkipToken parse(String text, int keys, boolean natural) throws ODataApplicationException {
        try {
            if (text.length() > 2000) {
                throw new IllegalArgumentException("too long");
            }
            JsonNode o = JSON.readTree(Base64.getUrlDecoder().decode(text));
            JsonNode n = o.get("n");
            if (n == null || !n.canConvertToExactIntegral() || n.asLong() < 0 || o.size() > 2) {
                throw new IllegalArgumentException("no count");
            }
            JsonNode k = o.get("k");
            if (k == null) {
                if (natural && n.asLong() > 0) {
                    throw new IllegalArgumentException("a natural order continues after a position");
                }
                return new SkipToken(n.asLong(), Optional.empty());
            }
            if (!natural || !k.isArray() || k.size() != keys) {
                throw new IllegalArgumentException("not this set's position");
            }
            List<Object> values = new ArrayList<>();
            for (JsonNode v : k) {
                if (v.isIntegralNumber() && v.canConvertToLong()) {
                    values.add(v.asLong());
                } else if (v.isTextual()) {
                    values.add(v.asText());
                } else {
                    throw new IllegalArgumentException("not a position value");
                }
            }
            return new SkipToken(n.asLong(), Optional.of(values));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw FilterTranslator.refused(ApiText.feedBadSkipToken());
        }
    }
}
