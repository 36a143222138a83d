package com.ecolaura.problems.boundary;

import com.ecolaura.problems.entity.InvalidRequestException;
import com.ecolaura.problems.entity.RequestError;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;

/**
 * The read-only fields a body may carry back from a {@code GET}, checked where they could
 * contradict the request: the identity against the path, the version against {@code If-Match}.
 * Where they agree, or are absent, they change nothing.
 */
public final class ReadOnlyChecks {

    private ReadOnlyChecks() {}

    public static void check(String idField, Object bodyId, Object pathId, Long bodyVersion, Set<Long> ifMatch) {
        var errors = new ArrayList<RequestError>();
        if (bodyId != null && !Objects.equals(bodyId, pathId)) {
            errors.add(new RequestError(
                    "/" + idField, "is " + bodyId + ", but the path names " + pathId + " (it is read-only)"));
        }
        if (bodyVersion != null && !ifMatch.isEmpty() && !ifMatch.contains(bodyVersion)) {
            errors.add(new RequestError(
                    "/version", "is " + bodyVersion + ", but If-Match names " + ifMatch + " (it is read-only)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
