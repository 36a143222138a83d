package com.ecolaura.profiles.entity;

import com.ecolaura.problems.entity.InvalidRequestException;
import java.util.regex.Pattern;

/** The user ids the shop accepts: 1–64 letters, digits, '-', '_' or '.'. */
public final class UserId {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private UserId() {}

    public static String checked(String userId) {
        if (userId == null || !VALID.matcher(userId).matches()) {
            throw InvalidRequestException.ofParameter("userId", "must be 1 to 64 letters, digits, '.', '-' or '_'");
        }
        return userId;
    }
}
