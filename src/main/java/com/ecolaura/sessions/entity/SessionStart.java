package com.ecolaura.sessions.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/sessions}: a demo login by user id. */
public class SessionStart {

    @NotNull
    @Pattern(regexp = "[A-Za-z0-9._-]{1,64}")
    public String userId;

    public String userId() {
        return userId;
    }
}
